"""The Partner teams page's parts: the team editor, the contact log, the twelve-month strip."""
