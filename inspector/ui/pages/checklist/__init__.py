"""The checklist page of an inspection: the page, its navigation and its answers."""
