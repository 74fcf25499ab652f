"""Storage: the only code that speaks SQL. Imports no Qt."""
