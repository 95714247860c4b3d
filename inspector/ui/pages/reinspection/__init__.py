"""A re-inspection (复查) on the field laptop: the rectification items to verify, each with
the original finding and its "before" photos beside the verdict, the note and the "after"
photos; starting one from its assignment, and finishing it."""
