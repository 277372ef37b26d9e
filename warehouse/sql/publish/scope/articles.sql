-- articles of a filtered release: the articles of the selected events' mentions.
SELECT a.*
FROM articles AS a
WHERE a.article_id IN (
    SELECT m.article_id
    FROM event_mentions AS m
    JOIN mention_events AS l ON l.mention_id = m.event_id
    WHERE l.event_id IN (SELECT event_id FROM selected_events)
)
