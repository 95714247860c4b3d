"""The inspection domain: checklist templates, tiers and scoring. No Qt, no database."""
