-- Articles coded by another coder version, with what is needed to code them again from their
-- stored text. $1: the current coder version.
SELECT a.raw_path, a.format, a.text, coalesce(r.content_sha256, repeat('0', 64)) AS content_sha256,
       a.title, a.source, a.url, a.published_at, a.published_at_origin, a.language
FROM articles AS a
LEFT JOIN raw_inputs AS r ON r.raw_path = a.raw_path
WHERE a.coder_version <> $1
ORDER BY a.raw_path;
