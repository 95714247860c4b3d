"""The county office's supervision screen: work queue, campaigns, review, letters and rectification."""
