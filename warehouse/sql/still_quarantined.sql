-- Inputs that stay quarantined until they change (raw_inputs with status quarantined).
SELECT count(*) FROM raw_inputs WHERE status = 'quarantined'
