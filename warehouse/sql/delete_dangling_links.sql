-- Drop links whose mention no longer exists.
DELETE FROM mention_events AS l
WHERE NOT EXISTS (SELECT 1 FROM event_mentions AS m WHERE m.event_id = l.mention_id);
