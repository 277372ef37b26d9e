-- events_over_time: dated events per week (Monday) and per month, by event type. A week bin counts only
-- events dated to the day or the week, a month bin only those dated at least to the month (time_precision),
-- so that no event is put in a bin finer than its date.
SELECT
    'week' AS bin,
    CAST(date_trunc('week', event_date) AS DATE) AS period,
    event_type,
    count(*) AS events,
    CAST(sum(fatalities) AS BIGINT) AS fatalities
FROM events
WHERE event_date IS NOT NULL AND time_precision <= 2
GROUP BY ALL
UNION ALL
SELECT
    'month' AS bin,
    CAST(date_trunc('month', event_date) AS DATE) AS period,
    event_type,
    count(*) AS events,
    CAST(sum(fatalities) AS BIGINT) AS fatalities
FROM events
WHERE event_date IS NOT NULL AND time_precision <= 3
GROUP BY ALL
ORDER BY bin, period, event_type;
