-- event_sourcing: one row per event: how many outlets report it, their scales in ACLED's style
-- (narrowest first, '-'-joined, from temp table source_scales), whether every outlet speaks for a party
-- to the conflict, and who claimed it.
CREATE OR REPLACE TEMP VIEW event_sourcing AS
WITH scales AS (
    SELECT DISTINCT s.event_id, k.rank, k.label
    FROM sources AS s
    JOIN source_scales AS k ON k.scale = s.scale
),
scale_text AS (
    SELECT event_id, string_agg(label, '-' ORDER BY rank) AS source_scale
    FROM scales
    GROUP BY event_id
),
outlet_stats AS (
    SELECT event_id, count(DISTINCT outlet_name) AS n_outlets, bool_and(party_to_conflict) AS party_only
    FROM sources
    GROUP BY event_id
),
claimants AS (
    SELECT event_id, string_agg(claimed_by, '; ' ORDER BY claimed_by) AS claimed_by
    FROM claims
    GROUP BY event_id
)
SELECT
    e.event_id,
    coalesce(o.n_outlets, 0) AS n_outlets,
    t.source_scale,
    coalesce(o.party_only, false) AS party_sources_only,
    c.claimed_by
FROM events AS e
LEFT JOIN outlet_stats AS o ON o.event_id = e.event_id
LEFT JOIN scale_text AS t ON t.event_id = e.event_id
LEFT JOIN claimants AS c ON c.event_id = e.event_id
ORDER BY e.event_id;
