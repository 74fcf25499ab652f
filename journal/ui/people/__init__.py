"""The People page's parts: a person's page (who they are, rename, merge, delete, timeline)."""
