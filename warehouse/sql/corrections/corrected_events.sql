-- Events to rebuild and correct again: those holding a mention a correction names, and those a
-- correction changed before (the correction may be gone from the file). $1: list of mention ids.
SELECT DISTINCT event_id FROM mention_events WHERE list_contains($1, mention_id)
UNION
SELECT event_id FROM events WHERE corrected_fields IS NOT NULL
ORDER BY event_id;
