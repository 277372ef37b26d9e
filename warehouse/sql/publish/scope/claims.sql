-- claims of a filtered release: the claims on the selected events.
SELECT c.* FROM claims AS c WHERE c.event_id IN (SELECT event_id FROM selected_events)
