-- events of a filtered release: the selected events.
SELECT e.* FROM events AS e WHERE e.event_id IN (SELECT event_id FROM selected_events)
