-- Mentions not yet linked to an event, with what merging reads.
SELECT m.event_id AS mention_id, m.article_id, m.event_type, m.sub_event_type, m.event_date, m.time_precision,
       m.actor1, m.actor2, m.iso3, m.location, m.admin1, m.latitude, m.longitude, m.geo_precision,
       m.fatalities, m.confidence, a.published_at, m.evidence_start, m.place_text, m.assoc_actor_1,
       m.date_start, m.date_end, m.evidence, m.admin2,
       CASE WHEN a.title IS NOT NULL AND starts_with(a.text, a.title) THEN length(a.title) ELSE 0 END AS headline_end,
       left(a.text, 400) AS lede, m.acled_event_type
FROM event_mentions AS m
JOIN articles AS a USING (article_id)
WHERE NOT EXISTS (SELECT 1 FROM mention_events AS l WHERE l.mention_id = m.event_id)
ORDER BY m.event_id;
