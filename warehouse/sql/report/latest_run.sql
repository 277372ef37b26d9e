-- latest_run: the most recent refresh, with its quality figures.
SELECT q.*, r.raw_dir, r.n_skipped, r.pipeline_version, r.model_name, r.model_version
FROM coding_quality AS q
JOIN runs AS r USING (run_id)
ORDER BY q.started_at DESC
LIMIT 1;
