-- Corrections that no longer apply, with why (reported by refresh and review).
SELECT correction_id, kind, article, left(evidence, 80) AS evidence, status, status_reason
FROM corrections
WHERE status <> 'applied'
ORDER BY created_at, correction_id;
