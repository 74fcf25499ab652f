"""The Decisions page parts."""
