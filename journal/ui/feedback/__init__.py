"""The Feedback page's parts: SBI drafts with their coach, and Continue / Start / Stop retros."""
