-- Remove the mentions of articles about to be recoded or replaced; the events that lose them are
-- rebuilt by the merge step (dangling_links.sql). $1: list of article_id
DELETE FROM event_mentions WHERE list_contains($1, article_id);
