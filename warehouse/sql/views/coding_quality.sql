-- coding_quality: one row per refresh: what it read and coded (from runs), what of it is still in the
-- warehouse (articles and mentions are replaced when recoded), what it quarantined, and how confident
-- and complete its mentions are; how many of its kept articles have no publication date and how many
-- are not in English (articles.language other than 'en'; a null language, no letters to judge, is not
-- counted).
CREATE OR REPLACE VIEW coding_quality AS
WITH mention_stats AS (
    SELECT
        m.run_id,
        count(*) AS mentions_kept,
        count(DISTINCT l.event_id) AS events_kept,
        min(m.confidence) AS confidence_min,
        quantile_cont(m.confidence, 0.25) AS confidence_q1,
        quantile_cont(m.confidence, 0.5) AS confidence_median,
        quantile_cont(m.confidence, 0.75) AS confidence_q3,
        max(m.confidence) AS confidence_max,
        avg(m.confidence) AS confidence_mean,
        avg(CASE WHEN m.event_date IS NULL THEN 1.0 ELSE 0.0 END) AS share_undated,
        avg(CASE WHEN m.latitude IS NULL THEN 1.0 ELSE 0.0 END) AS share_unlocated,
        avg(CASE WHEN m.actor1 IS NULL THEN 1.0 ELSE 0.0 END) AS share_without_actor1
    FROM event_mentions AS m
    LEFT JOIN mention_events AS l ON l.mention_id = m.event_id
    GROUP BY m.run_id
),
article_stats AS (
    SELECT
        run_id,
        count(*) AS articles_kept,
        CAST(count_if(n_mentions = 0) AS BIGINT) AS articles_without_events,
        CAST(count_if(published_at IS NULL) AS BIGINT) AS articles_undated,
        CAST(count_if(language IS NOT NULL AND language <> 'en') AS BIGINT) AS articles_non_english
    FROM articles
    GROUP BY run_id
),
quarantine_stats AS (
    SELECT run_id, string_agg(DISTINCT stage, '; ' ORDER BY stage) AS stages
    FROM quarantine
    GROUP BY run_id
)
SELECT
    r.run_id,
    r.started_at,
    r.finished_at,
    r.status,
    r.coder_version,
    r.n_read,
    r.n_new,
    r.n_coded AS articles_coded,
    r.n_mentions AS mentions_coded,
    r.n_quarantined AS quarantined,
    coalesce(a.articles_kept, 0) AS articles_kept,
    coalesce(a.articles_without_events, 0) AS articles_without_events,
    coalesce(a.articles_undated, 0) AS articles_undated,
    coalesce(a.articles_non_english, 0) AS articles_non_english,
    coalesce(m.mentions_kept, 0) AS mentions_kept,
    coalesce(m.events_kept, 0) AS events_kept,
    CASE WHEN r.n_coded > 0 THEN r.n_mentions / r.n_coded END AS mentions_per_article,
    q.stages AS quarantine_stages,
    m.confidence_min,
    m.confidence_q1,
    m.confidence_median,
    m.confidence_q3,
    m.confidence_max,
    m.confidence_mean,
    m.share_undated,
    m.share_unlocated,
    m.share_without_actor1
FROM runs AS r
LEFT JOIN mention_stats AS m ON m.run_id = r.run_id
LEFT JOIN article_stats AS a ON a.run_id = r.run_id
LEFT JOIN quarantine_stats AS q ON q.run_id = r.run_id;
