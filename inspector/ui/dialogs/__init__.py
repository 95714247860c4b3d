"""Dialogs of the window, one module each."""
