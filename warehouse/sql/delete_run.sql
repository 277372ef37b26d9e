-- Remove the runs row of a run before it is written again ($1: run_id).
DELETE FROM runs WHERE run_id = $1
