-- event_points: every placed event, for the map.
SELECT
    event_id,
    event_date,
    event_type,
    sub_event_type,
    coalesce(location, admin1, country) AS place,
    country,
    actor1,
    actor2,
    fatalities,
    geo_precision,
    latitude,
    longitude
FROM events
WHERE latitude IS NOT NULL AND longitude IS NOT NULL
ORDER BY event_date NULLS FIRST, event_id;
