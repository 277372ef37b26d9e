-- Remove events (their links and merge reasons) about to be rebuilt. $1: list of event_id.
DELETE FROM event_merges WHERE list_contains($1, event_id);
DELETE FROM mention_events WHERE list_contains($1, event_id);
DELETE FROM events WHERE list_contains($1, event_id);
