-- native_events: the selected events in this project's columns, with how each is sourced
-- (schemas/export.py NativeExportSchema), in event_id order.
SELECT e.*, s.source_scale, s.party_sources_only, s.claimed_by
FROM events AS e
JOIN selected_events AS k ON k.event_id = e.event_id
LEFT JOIN event_sourcing AS s ON s.event_id = e.event_id
ORDER BY e.event_id;
