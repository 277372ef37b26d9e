-- Record whether a correction applies. $1 status, $2 event_id, $3 status_reason, $4 correction_id.
UPDATE corrections SET status = $1, event_id = $2, status_reason = $3 WHERE correction_id = $4;
