-- The mentions of the articles each correction is keyed by (its own key, and for a merge the other
-- event's key), with their evidence and type: corrections.py picks the ones whose sentence matches.
-- An article is found by any raw path it was read under.
WITH keys AS (
    SELECT correction_id, 'this' AS side, article FROM corrections
    UNION ALL
    SELECT correction_id, 'other' AS side, other_article FROM corrections WHERE other_article IS NOT NULL
),
paths AS (
    SELECT raw_path, article_id FROM raw_inputs WHERE article_id IS NOT NULL
    UNION
    SELECT raw_path, article_id FROM articles
)
SELECT k.correction_id, k.side, m.event_id AS mention_id, m.evidence, m.event_type
FROM keys AS k
JOIN paths AS p ON p.raw_path = k.article
JOIN event_mentions AS m ON m.article_id = p.article_id
ORDER BY k.correction_id, k.side, m.event_id;
