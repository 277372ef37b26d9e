-- corrections of a filtered release: those keyed by a mention of a selected event (by its article's
-- raw path and evidence sentence, as corrections are keyed).
SELECT c.* FROM corrections AS c
WHERE EXISTS (
    SELECT 1
    FROM mention_events AS l
    JOIN event_mentions AS em ON em.event_id = l.mention_id
    JOIN articles AS a ON a.article_id = em.article_id
    WHERE l.event_id IN (SELECT event_id FROM selected_events)
      AND a.raw_path = c.article AND em.evidence = c.evidence
)
