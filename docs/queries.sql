-- Query cookbook: real questions about the warehouse, answered in SQL.
--
-- Run one with `eventcoder query "..."`, paste it into `duckdb -readonly warehouse/events.duckdb`, or
-- `con.sql(...)` in Python. Each query is preceded by a `-- name:` and a `-- question:` line; a test runs
-- every one of them against the sample warehouse. The views (events_by_month, actor_dyads,
-- events_by_admin1, event_sources, coding_quality) are described in the README.

-- name: ttp_attacks_by_district_and_month
-- question: Which attacks are attributed to the TTP, by district and month?
SELECT
    date_trunc('month', event_date) AS month,
    country,
    admin1,
    coalesce(admin2, location) AS district,
    count(*) AS attacks,
    sum(fatalities) AS killed
FROM events
WHERE event_type = 'attack'
    AND (actor1 ILIKE '%Tehreek-i-Taliban Pakistan%' OR assoc_actor_1 ILIKE '%Tehreek-i-Taliban Pakistan%')
GROUP BY ALL
ORDER BY month NULLS LAST, attacks DESC;

-- name: ceasefires_and_the_next_30_days
-- question: For each ceasefire, what happened in the same country in the 30 days after it?
SELECT
    c.event_date AS ceasefire_date,
    c.sub_event_type AS ceasefire,
    c.actor1,
    c.actor2,
    c.country,
    count(f.event_id) AS events_after,
    count_if(f.event_type IN ('attack', 'clash')) AS attacks_and_clashes_after,
    coalesce(sum(f.fatalities), 0) AS killed_after,
    string_agg(DISTINCT f.event_type, ', ' ORDER BY f.event_type) AS what_followed
FROM events AS c
LEFT JOIN events AS f
    ON f.country = c.country
    AND f.event_id <> c.event_id
    AND f.event_date > c.event_date
    AND f.event_date <= c.event_date + 30
WHERE c.event_type = 'ceasefire' AND c.event_date IS NOT NULL
GROUP BY ALL
ORDER BY ceasefire_date;

-- name: outlets_reporting_most_events
-- question: Which outlets report the most events, and how many of those events did no other outlet report?
WITH per_event AS (
    SELECT event_id, count(DISTINCT coalesce(outlet, '(unknown)')) AS n_outlets
    FROM event_sources
    GROUP BY event_id
)
SELECT
    coalesce(s.outlet, '(unknown)') AS outlet,
    count(DISTINCT s.event_id) AS events,
    count(DISTINCT s.article_id) AS articles,
    count(DISTINCT s.event_id) FILTER (WHERE p.n_outlets = 1) AS events_only_this_outlet
FROM event_sources AS s
JOIN per_event AS p USING (event_id)
GROUP BY ALL
ORDER BY events DESC, outlet;

-- name: events_per_1000_articles_by_country
-- question: How many events per 1,000 articles read does each country get, and from how many articles?
WITH totals AS (SELECT count(*) AS articles FROM articles)
SELECT
    coalesce(e.country, '(not placed)') AS country,
    count(DISTINCT e.event_id) AS events,
    count(DISTINCT s.article_id) AS reporting_articles,
    round(1000.0 * count(DISTINCT e.event_id) / any_value(t.articles), 1) AS events_per_1000_articles
FROM events AS e
JOIN event_sources AS s USING (event_id)
CROSS JOIN totals AS t
GROUP BY ALL
ORDER BY events DESC;

-- name: deadliest_events_with_evidence
-- question: What are the deadliest events, and which sentences in which articles report them?
SELECT
    event_date,
    event_type,
    location,
    country,
    actor1,
    actor2,
    fatalities,
    string_agg(DISTINCT coalesce(outlet, raw_path), '; ') AS reported_by,
    string_agg(evidence, ' | ') AS evidence
FROM event_sources
WHERE fatalities IS NOT NULL
GROUP BY ALL
ORDER BY fatalities DESC, event_date
LIMIT 10;

-- name: quarantine_reasons_by_stage
-- question: Why were inputs or records quarantined, by stage, and in which runs?
SELECT
    stage,
    reason,
    count(*) AS items,
    count(DISTINCT run_id) AS runs,
    min(raw_path) AS example_path
FROM quarantine
GROUP BY ALL
ORDER BY stage, items DESC;

-- name: fatalities_by_month_and_country
-- question: How do monthly fatalities develop in each country, with a running total?
SELECT
    month,
    country,
    sum(n_events) AS events,
    sum(fatalities) AS killed,
    sum(sum(fatalities)) OVER (PARTITION BY country ORDER BY month) AS killed_to_date
FROM events_by_month
WHERE month IS NOT NULL
GROUP BY month, country
ORDER BY country, month;

-- name: most_active_dyads
-- question: Which pairs of actors meet most often, over how long a span, and in which kinds of event?
SELECT
    actor1,
    coalesce(actor2, '(none)') AS actor2,
    n_events,
    fatalities,
    first_date,
    last_date,
    last_date - first_date AS span_days,
    event_types
FROM actor_dyads
ORDER BY n_events DESC, fatalities DESC
LIMIT 20;

-- name: protests_by_province
-- question: Where do protests happen, by province, and when were the first and last?
SELECT country, coalesce(admin1, '(country level)') AS province, n_events AS protests, first_date, last_date
FROM events_by_admin1
WHERE event_type = 'protest'
ORDER BY protests DESC, country, province;

-- name: who_fights_whom_by_actor_type
-- question: Which kinds of actors (ACLED interaction codes) are involved in violent events?
SELECT
    interaction,
    count(*) AS events,
    sum(fatalities) AS killed,
    string_agg(DISTINCT actor1, '; ' ORDER BY actor1) AS actor1_examples
FROM events
WHERE event_type IN ('attack', 'clash')
GROUP BY interaction
ORDER BY events DESC;

-- name: coding_gaps_by_event_type
-- question: For each event type, how many events lack a date, a place, an actor or a fatality figure?
SELECT
    event_type,
    count(*) AS events,
    count_if(event_date IS NULL) AS undated,
    count_if(time_precision >= 3) AS month_or_year_only,
    count_if(latitude IS NULL) AS unplaced,
    count_if(geo_precision = 4) AS country_only,
    count_if(actor1 IS NULL) AS without_actor1,
    count_if(fatalities IS NULL) AS fatalities_not_stated
FROM events
GROUP BY event_type
ORDER BY events DESC;

-- name: reporting_lag_by_outlet
-- question: How many days after an event do outlets first report it?
SELECT
    coalesce(outlet, '(unknown)') AS outlet,
    count(*) AS dated_reports,
    min(published_at - event_date) AS fastest_days,
    median(published_at - event_date) AS median_days,
    max(published_at - event_date) AS slowest_days
FROM event_sources
WHERE published_at IS NOT NULL AND event_date IS NOT NULL
GROUP BY ALL
ORDER BY dated_reports DESC;

-- name: articles_that_yielded_no_event
-- question: Which articles produced no event at all (candidates for a missed-event review)?
SELECT raw_path, coalesce(source, '(unknown)') AS outlet, published_at, title, left(text, 160) AS opening
FROM articles
WHERE n_mentions = 0
ORDER BY published_at DESC NULLS LAST, raw_path;

-- name: low_confidence_mentions_to_review
-- question: Which mentions were coded with low confidence, and what did they say?
SELECT
    m.confidence,
    m.event_type,
    m.event_date,
    m.location,
    m.actor1,
    m.trigger,
    m.evidence,
    a.raw_path
FROM event_mentions AS m
JOIN articles AS a USING (article_id)
WHERE m.confidence < 0.6
ORDER BY m.confidence, a.raw_path, m.evidence_start;

-- name: latest_run_quality
-- question: How did the latest refresh do: how much did it code, quarantine, and how confident was it?
SELECT *
FROM coding_quality
ORDER BY started_at DESC
LIMIT 1;
