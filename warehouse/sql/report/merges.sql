-- merges: how events were merged (event_merges), by rule: events joined by it and mentions it joined.
SELECT rule, count(DISTINCT event_id) AS events, count(*) AS mentions
FROM event_merges
WHERE rule <> 'first'
GROUP BY rule
ORDER BY mentions DESC, rule;
