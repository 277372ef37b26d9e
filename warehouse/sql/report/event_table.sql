-- event_table: the deadliest and the latest events (bound: how many of each), with their outlets, the
-- links to their articles, their evidence, who claimed them and whether only a party reported them.
WITH deadliest AS (
    SELECT event_id FROM events WHERE fatalities > 0
    ORDER BY fatalities DESC, event_date DESC NULLS LAST, event_id LIMIT $n
),
latest AS (
    SELECT event_id FROM events ORDER BY event_date DESC NULLS LAST, event_id LIMIT $n
),
picked AS (
    SELECT event_id FROM deadliest UNION SELECT event_id FROM latest
),
links AS (
    SELECT l.event_id, list(DISTINCT a.url ORDER BY a.url) FILTER (WHERE a.url IS NOT NULL) AS urls
    FROM mention_events AS l
    JOIN picked AS p ON p.event_id = l.event_id
    JOIN event_mentions AS m ON m.event_id = l.mention_id
    JOIN articles AS a ON a.article_id = m.article_id
    GROUP BY l.event_id
)
SELECT
    e.event_id,
    e.event_date,
    e.time_precision,
    e.country,
    e.iso3,
    coalesce(e.location, e.admin2, e.admin1, e.country) AS place,
    e.event_type,
    e.sub_event_type,
    e.actor1,
    e.actor2,
    e.fatalities,
    e.sources,
    coalesce(k.urls, []) AS urls,
    e.evidence,
    s.claimed_by,
    s.party_sources_only,
    e.event_id IN (SELECT event_id FROM deadliest) AS deadliest,
    e.event_id IN (SELECT event_id FROM latest) AS latest
FROM events AS e
JOIN picked AS p ON p.event_id = e.event_id
LEFT JOIN links AS k ON k.event_id = e.event_id
LEFT JOIN event_sourcing AS s ON s.event_id = e.event_id
ORDER BY e.fatalities DESC NULLS LAST, e.event_date DESC NULLS LAST, e.event_id;
