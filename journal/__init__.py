"""Leadership Journal: a private, offline journal for the leadership work of a senior engineer."""

__version__ = "0.1.0"
APP_NAME = "Leadership Journal"
APP_ID = "leadership-journal"
