-- The mentions of one event with what a correction is keyed by (article path, evidence, type); the
-- mention whose sentence is the event's evidence first. $1: event_id.
SELECT m.event_id AS mention_id, a.raw_path, m.evidence, m.event_type
FROM mention_events AS l
JOIN event_mentions AS m ON m.event_id = l.mention_id
JOIN articles AS a ON a.article_id = m.article_id
JOIN events AS e ON e.event_id = l.event_id
WHERE l.event_id = $1
ORDER BY m.evidence <> e.evidence, a.published_at NULLS LAST, a.raw_path, m.evidence_start;
