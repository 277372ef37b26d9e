-- overview: the headline numbers of the report.
SELECT
    (SELECT count(*) FROM articles) AS articles,
    (SELECT count(*) FROM event_mentions) AS mentions,
    count(*) AS events,
    CAST(coalesce(sum(fatalities), 0) AS BIGINT) AS fatalities,
    count(DISTINCT country) AS countries,
    min(event_date) AS first_date,
    max(event_date) AS last_date,
    count_if(event_date IS NULL) AS undated,
    count_if(latitude IS NULL OR longitude IS NULL) AS unplaced
FROM events;
