-- The school office's contacts, given when the school is registered: a person who signs in and
-- whom no school has registered is told which schools use Ponte and whom to ask (issue 23).
ALTER TABLE schools ADD COLUMN office_email TEXT;
ALTER TABLE schools ADD COLUMN office_phone TEXT;
