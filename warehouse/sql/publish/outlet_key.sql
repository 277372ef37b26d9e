-- outlet_key: how outlet names are compared: lower case, no accents, a leading "the" dropped, any run of
-- other characters than letters and digits one space. outlet_base drops a bracket at the end first
-- ("Dawn (Pakistan)" → "dawn").
CREATE OR REPLACE TEMP MACRO outlet_key(name) AS
    trim(regexp_replace(regexp_replace(strip_accents(lower(trim(name))), '^the\s+', ''), '[^a-z0-9]+', ' ', 'g'));
CREATE OR REPLACE TEMP MACRO outlet_base(name) AS
    outlet_key(regexp_replace(name, '\s*\([^)]*\)\s*$', ''));
