"""The Checklist page's parts: the tree model of rules and gaps, their wording, snoozing."""
