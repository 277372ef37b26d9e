-- Events that lost a mention (its article was recoded, replaced or pruned). Their links to
-- missing mentions are then deleted by delete_dangling_links.sql.
SELECT DISTINCT l.event_id
FROM mention_events AS l
WHERE NOT EXISTS (SELECT 1 FROM event_mentions AS m WHERE m.event_id = l.mention_id)
ORDER BY l.event_id;
