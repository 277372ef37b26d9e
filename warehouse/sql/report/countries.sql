-- countries: one row per country (null: events placed nowhere), biggest first: events, killed, dates,
-- events by type, the regions with most events, and how many events only a party to the conflict reported.
WITH by_type AS (
    SELECT country, event_type, count(*) AS n FROM events GROUP BY ALL
),
by_region AS (
    SELECT country, admin1, count(*) AS n FROM events WHERE admin1 IS NOT NULL GROUP BY ALL
)
SELECT
    e.country,
    any_value(e.iso3) AS iso3,
    count(*) AS events,
    CAST(coalesce(sum(e.fatalities), 0) AS BIGINT) AS fatalities,
    min(e.event_date) AS first_date,
    max(e.event_date) AS last_date,
    count_if(s.party_sources_only) AS party_only,
    count_if(s.claimed_by IS NOT NULL) AS claimed,
    (SELECT string_agg(t.event_type || ' ' || t.n, ', ' ORDER BY t.n DESC, t.event_type)
     FROM by_type AS t WHERE t.country IS NOT DISTINCT FROM e.country) AS types,
    (SELECT string_agg(r.admin1 || ' ' || r.n, ', ' ORDER BY r.n DESC, r.admin1)
     FROM (SELECT * FROM by_region AS b WHERE b.country IS NOT DISTINCT FROM e.country
           ORDER BY b.n DESC, b.admin1 LIMIT 5) AS r) AS regions
FROM events AS e
LEFT JOIN event_sourcing AS s ON s.event_id = e.event_id
GROUP BY e.country
ORDER BY events DESC, e.country NULLS LAST;
