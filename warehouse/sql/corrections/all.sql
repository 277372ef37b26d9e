-- Every correction, in the order they are applied: oldest first.
SELECT correction_id, kind, article, evidence, event_type, field, value, other_article, other_evidence,
       other_event_type, author, reason
FROM corrections
ORDER BY created_at, correction_id;
