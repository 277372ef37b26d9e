-- events_over_time: dated events per month and event type.
SELECT
    month,
    event_type,
    CAST(sum(n_events) AS BIGINT) AS events,
    CAST(sum(fatalities) AS BIGINT) AS fatalities
FROM events_by_month
WHERE month IS NOT NULL
GROUP BY month, event_type
ORDER BY month, event_type;
