-- Every coded mention with its article's raw_path, the merged event it belongs to and a digest of the
-- article's words without figures or punctuation: two feed items of the same words report the same
-- events (ACLED splits one report over several events, each note saying which share of the
-- fatalities it carries) (eventcoder evaluate). Mentions of one sentence keep the order they were written in
-- (a sentence split by place writes its places in order), as the reference scorer reads them.
SELECT a.raw_path AS article, m.event_id AS mention_id, l.event_id AS merged_id,
       m.event_type, m.sub_event_type, m.acled_event_type, m.acled_sub_event_type, m.event_date,
       m.iso3, m.admin1, m.admin2, m.location, m.latitude, m.longitude,
       m.actor1, m.actor2, m.fatalities, m.evidence,
       md5(regexp_replace(lower(a.text), '[[:digit:][:punct:][:space:]]+', ' ', 'g')) AS text_key
FROM event_mentions AS m
JOIN articles AS a USING (article_id)
LEFT JOIN mention_events AS l ON l.mention_id = m.event_id
ORDER BY a.raw_path, m.evidence_start, m.rowid;
