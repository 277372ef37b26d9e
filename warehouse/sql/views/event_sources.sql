-- event_sources: every event with each mention merged into it, the article and outlet it came from,
-- and the evidence sentence (one row per mention; linked through mention_events), with the rule and
-- evidence that merged it into the event (event_merges; null for an event of one mention).
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
    m.confidence AS mention_confidence,
    g.rule AS merge_rule,
    g.partner_id AS merged_with,
    g.evidence AS merge_evidence,
    e.corrected_fields
FROM events AS e
JOIN mention_events AS l ON l.event_id = e.event_id
JOIN event_mentions AS m ON m.event_id = l.mention_id
JOIN articles AS a ON a.article_id = m.article_id
LEFT JOIN event_merges AS g ON g.mention_id = l.mention_id;
