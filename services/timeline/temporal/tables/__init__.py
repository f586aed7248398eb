"""Rule tables: per language, one table per TimeML type (DATE, TIME, DURATION, SET)."""
