-- Articles that no raw input points at any more (their file changed or was pruned).
SELECT a.article_id
FROM articles a
WHERE NOT EXISTS (SELECT 1 FROM raw_inputs r WHERE r.article_id = a.article_id);
