-- The events most worth a human look (eventcoder review): low confidence, reports that disagree on
-- fatalities or place, unplaced or country-level only, undated. Events an analyst already corrected
-- are left out. $1: confidence below which an event is "low confidence"; $2: how many rows.
WITH members AS (
    SELECT l.event_id,
        list_sort(list_distinct(list(m.fatalities) FILTER (WHERE m.fatalities IS NOT NULL))) AS figures,
        count(DISTINCT m.location) AS n_places,
        string_agg(l.mention_id, '; ' ORDER BY l.mention_id) AS mention_ids
    FROM mention_events AS l
    JOIN event_mentions AS m ON m.event_id = l.mention_id
    GROUP BY l.event_id
),
source AS (
    SELECT l.event_id, min(a.raw_path) AS article, min(a.url) AS url, min(m.evidence_start) AS evidence_start
    FROM events AS e
    JOIN mention_events AS l ON l.event_id = e.event_id
    JOIN event_mentions AS m ON m.event_id = l.mention_id AND m.evidence = e.evidence
    JOIN articles AS a ON a.article_id = m.article_id
    GROUP BY l.event_id
),
flagged AS (
    SELECT e.*, g.figures, g.n_places, g.mention_ids, s.article, s.url, s.evidence_start,
        list_filter([
            CASE WHEN len(g.figures) > 1 THEN 'fatality figures disagree' END,
            CASE WHEN g.n_places > 1 THEN 'reports place it differently' END,
            CASE WHEN e.confidence < $1 THEN 'low confidence' END,
            CASE WHEN e.iso3 IS NULL THEN 'unplaced' WHEN e.geo_precision = 4 THEN 'country-level only' END,
            CASE WHEN e.event_date IS NULL THEN 'undated' END
        ], lambda x: x IS NOT NULL) AS reasons,
        (CASE WHEN len(g.figures) > 1 THEN 3 ELSE 0 END) + (CASE WHEN g.n_places > 1 THEN 2 ELSE 0 END)
            + (CASE WHEN e.confidence < $1 THEN 2 ELSE 0 END)
            + (CASE WHEN e.iso3 IS NULL OR e.geo_precision = 4 THEN 1 ELSE 0 END)
            + (CASE WHEN e.event_date IS NULL THEN 1 ELSE 0 END) AS priority
    FROM events AS e
    JOIN members AS g USING (event_id)
    LEFT JOIN source AS s USING (event_id)
    WHERE e.corrected_fields IS NULL
)
SELECT event_id, priority, array_to_string(reasons, '; ') AS reasons, event_type, sub_event_type,
       CAST(event_date AS VARCHAR) AS event_date, country, admin1, location, geo_precision, actor1, actor2,
       fatalities, array_to_string(figures, '; ') AS fatalities_reported, n_mentions, n_articles, confidence,
       article, coalesce(url, article || '@' || CAST(evidence_start AS VARCHAR)) AS link, evidence, mention_ids
FROM flagged
WHERE priority > 0
ORDER BY priority DESC, fatalities DESC NULLS LAST, event_id
LIMIT $2;
