-- How many corrections apply and how many do not (stale or invalid).
SELECT count(*) FILTER (WHERE status = 'applied'), count(*) FILTER (WHERE status <> 'applied') FROM corrections;
