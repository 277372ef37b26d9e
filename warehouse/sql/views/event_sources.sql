-- event_sources: every event with each mention merged into it, the article and outlet it came from,
-- and the evidence sentence (one row per mention; linked through mention_events).
CREATE OR REPLACE VIEW event_sources AS
SELECT
    e.event_id,
    e.event_type,
    e.sub_event_type,
    e.event_date,
    e.country,
    e.location,
    e.actor1,
    e.actor2,
    e.fatalities,
    e.n_mentions,
    e.n_articles,
    l.mention_id,
    m.article_id,
    a.source AS outlet,
    a.title,
    a.url,
    a.published_at,
    a.raw_path,
    m.evidence,
    m.evidence_start,
    m.evidence_end,
    m.confidence AS mention_confidence
FROM events AS e
JOIN mention_events AS l ON l.event_id = e.event_id
JOIN event_mentions AS m ON m.event_id = l.mention_id
JOIN articles AS a ON a.article_id = m.article_id;
