-- Remove the mentions (and their links to events) of articles about to be recoded or replaced.
-- $1: list of article_id
DELETE FROM mention_events WHERE mention_id IN (SELECT event_id FROM event_mentions WHERE list_contains($1, article_id));
DELETE FROM event_mentions WHERE list_contains($1, article_id);
