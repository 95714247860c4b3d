"""The window's machinery, shared by every screen: running work (operations and the
worker under them), progress, error display and settings."""
