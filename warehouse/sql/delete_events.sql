-- Remove events (and their links) about to be rebuilt. $1: list of event_id.
DELETE FROM mention_events WHERE list_contains($1, event_id);
DELETE FROM events WHERE list_contains($1, event_id);
