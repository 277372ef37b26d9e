-- actor_dyads: who did what to whom: one row per (actor1, actor2) pair, actor2 null for one-sided events.
CREATE OR REPLACE VIEW actor_dyads AS
SELECT
    actor1,
    actor2,
    count(*) AS n_events,
    CAST(coalesce(sum(fatalities), 0) AS BIGINT) AS fatalities,
    min(event_date) AS first_date,
    max(event_date) AS last_date,
    string_agg(DISTINCT event_type, '; ' ORDER BY event_type) AS event_types
FROM events
WHERE actor1 IS NOT NULL
GROUP BY actor1, actor2;
