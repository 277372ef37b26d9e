-- Forget raw inputs that are gone from the raw folder; their articles become orphans and are
-- removed with their mentions before the merge step. $1: list of raw_path
DELETE FROM raw_inputs WHERE list_contains($1, raw_path);
