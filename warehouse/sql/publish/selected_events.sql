-- selected_events: the events an export or a filtered release keeps (named parameters, each null or
-- empty when not given): $iso3s and $country_names (ISO3 codes, and lower-case country names, any of
-- them), $date_from and $date_to (inclusive; undated events are left out when either is given),
-- $event_types (lower case: our type or sub-type, or ACLED's type or sub-type), $min_confidence.
CREATE OR REPLACE TEMP TABLE selected_events AS
WITH p AS (
    SELECT
        CAST($iso3s AS VARCHAR[]) AS iso3s,
        CAST($country_names AS VARCHAR[]) AS country_names,
        CAST($date_from AS DATE) AS date_from,
        CAST($date_to AS DATE) AS date_to,
        CAST($event_types AS VARCHAR[]) AS event_types,
        CAST($min_confidence AS DOUBLE) AS min_confidence
)
SELECT e.event_id
FROM events AS e, p
WHERE
    (len(p.iso3s) + len(p.country_names) = 0
        OR list_contains(p.iso3s, e.iso3)
        OR list_contains(p.country_names, lower(e.country)))
    AND (p.date_from IS NULL OR e.event_date >= p.date_from)
    AND (p.date_to IS NULL OR e.event_date <= p.date_to)
    AND (len(p.event_types) = 0
        OR list_contains(p.event_types, e.event_type)
        OR list_contains(p.event_types, e.sub_event_type)
        OR list_contains(p.event_types, lower(e.acled_event_type))
        OR list_contains(p.event_types, lower(e.acled_sub_event_type)))
    AND (p.min_confidence IS NULL OR e.confidence >= p.min_confidence);
