-- events: one row per mention (merging across articles replaces this in the merge step).
DELETE FROM mention_events;
DELETE FROM events;
INSERT INTO events BY NAME
SELECT
    m.* EXCLUDE (article_id, evidence_start, evidence_end, trigger, date_text, date_origin, place_text,
                 coder_version, run_id),
    a.source AS sources,
    1 AS n_mentions,
    1 AS n_articles,
    a.published_at AS first_reported_at,
    left(m.evidence, 280) AS notes
FROM event_mentions AS m
JOIN articles AS a USING (article_id);
INSERT INTO mention_events (mention_id, event_id) SELECT event_id, event_id FROM event_mentions;
