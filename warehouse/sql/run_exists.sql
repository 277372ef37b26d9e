-- Whether a run already has its row in runs ($1: run_id).
SELECT 1 FROM runs WHERE run_id = $1
