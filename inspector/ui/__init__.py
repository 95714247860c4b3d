"""The Qt GUI. All Qt code of the program lives in this package and only here."""
