-- Forget raw inputs about to be re-recorded. $1: list of raw_path
DELETE FROM raw_inputs WHERE list_contains($1, raw_path);
