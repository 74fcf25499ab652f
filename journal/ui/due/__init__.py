"""What is due: the "Due soon" panel, the daily tray note and snapshots while the app runs."""
