"""ADR folders: decision records as adr-tools or MADR 4 Markdown files, both ways."""
