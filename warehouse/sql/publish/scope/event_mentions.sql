-- event_mentions of a filtered release: the mentions merged into the selected events.
SELECT m.*
FROM event_mentions AS m
WHERE m.event_id IN (
    SELECT l.mention_id FROM mention_events AS l WHERE l.event_id IN (SELECT event_id FROM selected_events)
)
