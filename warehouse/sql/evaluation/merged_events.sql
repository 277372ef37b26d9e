-- Every merged event with the fields a gold event is compared on (eventcoder evaluate, events level).
SELECT '' AS article, e.event_id AS mention_id, e.event_id AS merged_id,
       e.event_type, e.sub_event_type, e.acled_event_type, e.acled_sub_event_type, e.event_date,
       e.iso3, e.admin1, e.admin2, e.location, e.latitude, e.longitude,
       e.actor1, e.actor2, e.fatalities, e.evidence
FROM events AS e
ORDER BY e.event_id;
