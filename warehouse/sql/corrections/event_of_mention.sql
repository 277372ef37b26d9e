-- The event of the first of the given mentions that has one. $1: list of mention ids.
SELECT min(event_id) FROM mention_events WHERE list_contains($1, mention_id);
