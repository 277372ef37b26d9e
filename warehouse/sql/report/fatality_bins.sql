-- fatality_bins: events by number killed (binned) and event type;
-- events that state no figure form their own bin.
SELECT
    CASE
        WHEN fatalities IS NULL THEN 0
        WHEN fatalities = 0 THEN 1
        WHEN fatalities = 1 THEN 2
        WHEN fatalities <= 5 THEN 3
        WHEN fatalities <= 10 THEN 4
        WHEN fatalities <= 25 THEN 5
        WHEN fatalities <= 50 THEN 6
        ELSE 7
    END AS bin_order,
    CASE
        WHEN fatalities IS NULL THEN 'not stated'
        WHEN fatalities = 0 THEN '0'
        WHEN fatalities = 1 THEN '1'
        WHEN fatalities <= 5 THEN '2–5'
        WHEN fatalities <= 10 THEN '6–10'
        WHEN fatalities <= 25 THEN '11–25'
        WHEN fatalities <= 50 THEN '26–50'
        ELSE 'more than 50'
    END AS killed,
    event_type,
    count(*) AS events
FROM events
GROUP BY ALL
ORDER BY bin_order, event_type;
