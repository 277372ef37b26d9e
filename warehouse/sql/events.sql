-- events: one row per merged event, built from its linked mentions. $1: list of event_id to build.
-- Coding from the best mention (a body sentence before the headline, most confident, then most
-- precise, then first reported); date and place from the most precise mention; fatalities the lowest
-- figure among the articles that report the event (ACLED's rule for conflicting reports), an
-- article's own figure being its highest (a headline's and a body's figure are one report).
WITH linked AS (
    SELECT l.event_id AS merged_id, m.*, a.source, a.raw_path, a.published_at,
        (a.title IS NOT NULL AND starts_with(a.text, a.title) AND m.evidence_start < length(a.title)) AS in_headline
    FROM mention_events AS l
    JOIN event_mentions AS m ON m.event_id = l.mention_id
    JOIN articles AS a ON a.article_id = m.article_id
    WHERE list_contains($1, l.event_id)
),
ranked AS (
    SELECT *,
        row_number() OVER (PARTITION BY merged_id ORDER BY in_headline, confidence DESC, time_precision NULLS LAST,
            geo_precision NULLS LAST, published_at NULLS LAST, article_id, evidence_start) AS best_rank,
        row_number() OVER (PARTITION BY merged_id ORDER BY time_precision NULLS LAST, confidence DESC,
            published_at NULLS LAST, article_id, evidence_start) AS date_rank,
        row_number() OVER (PARTITION BY merged_id ORDER BY geo_precision NULLS LAST, confidence DESC,
            published_at NULLS LAST, article_id, evidence_start) AS place_rank
    FROM linked
),
reported AS (
    SELECT merged_id, article_id, max(fatalities) AS fatalities
    FROM linked
    GROUP BY merged_id, article_id
),
lowest AS (
    SELECT merged_id, min(fatalities) AS fatalities FROM reported GROUP BY merged_id
),
totals AS (
    SELECT merged_id,
        max(confidence) AS confidence,
        string_agg(DISTINCT coalesce(source, split_part(raw_path, '#', 1)), '; '
                   ORDER BY coalesce(source, split_part(raw_path, '#', 1))) AS sources,
        count(*) AS n_mentions,
        count(DISTINCT article_id) AS n_articles,
        min(published_at) AS first_reported_at,
        arg_min(actor1, best_rank) FILTER (WHERE actor1 IS NOT NULL) AS any_actor1,
        arg_min(actor2, best_rank) FILTER (WHERE actor2 IS NOT NULL) AS any_actor2,
        arg_min(inter1, best_rank) FILTER (WHERE actor1 IS NOT NULL) AS any_inter1,
        arg_min(inter2, best_rank) FILTER (WHERE actor2 IS NOT NULL) AS any_inter2
    FROM ranked
    GROUP BY merged_id
),
built AS (
SELECT
    b.merged_id AS event_id,
    b.event_type, b.sub_event_type, b.acled_event_type, b.acled_sub_event_type, b.cameo_code, b.plover_type,
    d.event_date, d.time_precision,
    coalesce(b.actor1, t.any_actor1) AS actor1,
    b.assoc_actor_1,
    coalesce(b.inter1, t.any_inter1) AS inter1,
    coalesce(b.actor2, t.any_actor2) AS actor2,
    b.assoc_actor_2,
    coalesce(b.inter2, t.any_inter2) AS inter2,
    p.country, p.iso3, p.admin1, p.admin2, p.location, p.latitude, p.longitude, p.geo_precision,
    f.fatalities,
    b.evidence,
    t.confidence,
    t.sources, t.n_mentions, t.n_articles, t.first_reported_at,
    left(
        coalesce(strftime(d.event_date, '%Y-%m-%d') || ': ', 'Undated: ')
        || coalesce(p.location || ' (' || p.iso3 || '). ', '')
        || b.evidence,
        400
    ) AS notes,
    CAST(NULL AS VARCHAR) AS corrected_fields
FROM ranked AS b
JOIN ranked AS d ON d.merged_id = b.merged_id AND d.date_rank = 1
JOIN ranked AS p ON p.merged_id = b.merged_id AND p.place_rank = 1
JOIN totals AS t ON t.merged_id = b.merged_id
JOIN lowest AS f ON f.merged_id = b.merged_id
WHERE b.best_rank = 1
)
SELECT *,
    CASE
        WHEN inter1 IS NULL AND inter2 IS NULL THEN NULL
        WHEN inter1 IS NULL OR inter2 IS NULL THEN coalesce(inter1, inter2) * 10
        ELSE least(inter1, inter2) * 10 + greatest(inter1, inter2)
    END AS interaction
FROM built
ORDER BY event_id;
