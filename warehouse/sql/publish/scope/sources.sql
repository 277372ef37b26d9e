-- sources of a filtered release: the outlets of the selected events.
SELECT s.* FROM sources AS s WHERE s.event_id IN (SELECT event_id FROM selected_events)
