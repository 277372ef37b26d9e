-- events_by_month: events and fatalities by calendar month, country and event type.
-- month is null for undated events and country for unplaced ones: nothing is dropped.
CREATE OR REPLACE VIEW events_by_month AS
SELECT
    CAST(date_trunc('month', event_date) AS DATE) AS month,
    country,
    iso3,
    event_type,
    count(*) AS n_events,
    count(fatalities) AS n_with_fatalities,
    CAST(coalesce(sum(fatalities), 0) AS BIGINT) AS fatalities
FROM events
GROUP BY ALL;
