-- How long a school keeps its families' justifications and derogation requests after the end of
-- their school year, in days (domain::retention: NULL is the default, 365; 30 to 3650).
-- The daily purge (the worker's scheduled handler, docs/privacy.md) applies it.
ALTER TABLE schools ADD COLUMN retention_days INTEGER;
