"""The site list page: the registry as a tree, its search and filters, and the chosen
site's details and history."""
