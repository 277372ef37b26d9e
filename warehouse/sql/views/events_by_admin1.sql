-- events_by_admin1: events and fatalities by first-level region (province, state) and event type.
-- admin1 is null for events placed at country level only.
CREATE OR REPLACE VIEW events_by_admin1 AS
SELECT
    country,
    iso3,
    admin1,
    event_type,
    count(*) AS n_events,
    CAST(coalesce(sum(fatalities), 0) AS BIGINT) AS fatalities,
    count(DISTINCT admin2) AS n_districts,
    min(event_date) AS first_date,
    max(event_date) AS last_date
FROM events
GROUP BY ALL;
