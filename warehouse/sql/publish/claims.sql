-- claims: claims of responsibility, on the event they claim. A sentence of an article that says "X
-- (has) claimed responsibility", "X claimed the attack" or "responsibility was claimed by X" gives a
-- claim by X (words of a sentence's opening such as "Although" or "The" dropped; a sentence that says
-- nobody, no group or not yet is no claim). It is recorded on the attack or clash of that article whose
-- evidence comes last before the claim (else first after it). One row per event and claimant, with the
-- first article (by publication date, then id) that reports it.
CREATE OR REPLACE TEMP VIEW claims AS
WITH sentences AS (
    SELECT a.article_id, a.published_at, s.sentence, strpos(a.text, s.sentence) - 1 AS claim_start
    FROM articles AS a,
        unnest(regexp_extract_all(
            a.text,
            '[^.!?\n]*(?:claimed\s+(?:the\s+)?responsibility|responsibility\s+(?:[^.!?\n]*\s)?(?:was|has\s+been|had\s+been)\s+claimed|claimed\s+(?:the|this|that)\s+(?:attack|bombing|killing|assault|strike|ambush|blast|abduction|kidnapping))[^.!?\n]*'
        )) AS s(sentence)
    WHERE NOT regexp_matches(lower(s.sentence), '\b(no one|nobody|no group|not|yet to|never|denied|deny)\b')
),
named AS (
    SELECT
        article_id,
        published_at,
        trim(sentence) AS claim,
        claim_start,
        coalesce(
            nullif(regexp_extract(
                sentence,
                'claimed\s+by\s+(?:the\s+)?([A-Z][\w''’-]*(?:\s+(?:of\s+|al-)?[A-Z(][\w''’()-]*)*)', 1), ''),
            nullif(regexp_extract(
                sentence,
                '([A-Z][\w''’-]*(?:\s+(?:of\s+|al-)?[A-Z(][\w''’()-]*)*)(?:\s+(?:group|militants|militant group|fighters|faction|outfit))?\s+(?:has\s+|have\s+|had\s+|later\s+|reportedly\s+|also\s+|quickly\s+)*claimed',
                1), '')
        ) AS raw_claimant
    FROM sentences
),
cleaned AS (
    SELECT
        article_id,
        published_at,
        claim,
        claim_start,
        trim(regexp_replace(
            raw_claimant,
            '^(?:(?:Although|Though|While|But|However|And|Meanwhile|Later|Separately|Earlier|The|A|An|In|On)\s+)+',
            ''
        )) AS claimed_by
    FROM named
    WHERE raw_claimant IS NOT NULL
),
attached AS (
    SELECT
        c.article_id,
        c.published_at,
        c.claim,
        c.claimed_by,
        l.event_id,
        row_number() OVER (
            PARTITION BY c.article_id, c.claim_start
            ORDER BY (m.evidence_start > c.claim_start), abs(c.claim_start - m.evidence_start), m.event_id
        ) AS nearest
    FROM cleaned AS c
    JOIN event_mentions AS m ON m.article_id = c.article_id AND m.event_type IN ('attack', 'clash')
    JOIN mention_events AS l ON l.mention_id = m.event_id
    WHERE c.claimed_by <> ''
)
SELECT
    event_id,
    claimed_by,
    arg_min(article_id, (coalesce(published_at, DATE '9999-12-31'), article_id)) AS article_id,
    arg_min(claim, (coalesce(published_at, DATE '9999-12-31'), article_id)) AS claim
FROM attached
WHERE nearest = 1
GROUP BY event_id, claimed_by
ORDER BY event_id, claimed_by;
