-- sourcing_quality: how the events are sourced: outlets typed from the list or by name, events reported
-- only by a party to the conflict, events with a claim of responsibility.
SELECT
    (SELECT count(DISTINCT outlet) FROM sources) AS outlets,
    (SELECT count(DISTINCT outlet) FROM sources WHERE typed_by = 'outlets list') AS outlets_listed,
    (SELECT count(DISTINCT outlet) FROM sources WHERE typed_by = 'name') AS outlets_by_name,
    count(*) AS events,
    count_if(n_outlets = 0) AS events_without_outlet,
    count_if(party_sources_only) AS events_party_only,
    count_if(claimed_by IS NOT NULL) AS events_claimed
FROM event_sourcing;
