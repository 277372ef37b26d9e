-- Every correction, in the order they are applied: oldest first, then in the order of the file.
SELECT correction_id, kind, article, evidence, event_type, field, value, other_article, other_evidence,
       other_event_type, author, reason
FROM corrections
ORDER BY created_at, rowid;
