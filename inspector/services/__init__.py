"""Services used by both the CLI and the GUI. No Qt."""
