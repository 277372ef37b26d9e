-- event_merges of a filtered release: why each mention of a selected event is in it.
SELECT m.* FROM event_merges AS m WHERE m.event_id IN (SELECT event_id FROM selected_events)
