-- mention_events of a filtered release: the links of the selected events.
SELECT l.* FROM mention_events AS l WHERE l.event_id IN (SELECT event_id FROM selected_events)
