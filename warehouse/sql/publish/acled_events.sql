-- acled_events: the selected events in the columns and order of ACLED's current exports
-- (schemas/export.py AcledExportSchema says how each is derived), in event_id order. `notes` is written by
-- eventcoder/publish/notes.py from the columns whose names start with an underscore, which are dropped.
WITH base AS (
    SELECT
        e.*,
        s.source_scale,
        s.party_sources_only,
        s.claimed_by,
        CASE
            WHEN e.actor1 IS NOT NULL THEN NULL
            WHEN d.disorder_type = 'Political violence' THEN 3
            WHEN e.acled_event_type = 'Protests' THEN 6
            WHEN e.acled_event_type = 'Riots' THEN 5
        END AS placeholder_inter
    FROM events AS e
    JOIN selected_events AS k ON k.event_id = e.event_id
    LEFT JOIN event_sourcing AS s ON s.event_id = e.event_id
    LEFT JOIN acled_disorder_types AS d ON d.acled_event_type = e.acled_event_type
),
typed AS (
    SELECT
        b.*,
        coalesce(b.placeholder_inter, nullif(b.inter1, 0)) AS inter1_code,
        nullif(b.inter2, 0) AS inter2_code
    FROM base AS b
),
named AS (
    SELECT t.*, n1.name AS inter1_name, n2.name AS inter2_name
    FROM typed AS t
    LEFT JOIN acled_actor_types AS n1 ON n1.code = t.inter1_code
    LEFT JOIN acled_actor_types AS n2 ON n2.code = t.inter2_code
),
stamps AS (
    SELECT l.event_id, CAST(epoch(max(r.finished_at)) AS BIGINT) AS stamp
    FROM mention_events AS l
    JOIN selected_events AS k ON k.event_id = l.event_id
    JOIN event_mentions AS m ON m.event_id = l.mention_id
    JOIN runs AS r ON r.run_id = m.run_id
    GROUP BY l.event_id
)
SELECT
    coalesce(n.iso3, 'XXX') || n.event_id AS event_id_cnty,
    n.event_date,
    year(n.event_date) AS year,
    CAST(least(n.time_precision, 3) AS SMALLINT) AS time_precision,
    coalesce(x.disorder_type, d.disorder_type) AS disorder_type,
    n.acled_event_type AS event_type,
    n.acled_sub_event_type AS sub_event_type,
    coalesce(
        n.actor1,
        CASE n.placeholder_inter
            WHEN 3 THEN 'Unidentified Armed Group'
            WHEN 6 THEN 'Protesters'
            WHEN 5 THEN 'Rioters'
        END || coalesce(' (' || n.country || ')', '')
    ) AS actor1,
    n.assoc_actor_1,
    n.inter1_name AS inter1,
    n.actor2,
    n.assoc_actor_2,
    n.inter2_name AS inter2,
    CASE
        WHEN n.inter1_name IS NOT NULL AND n.inter2_name IS NOT NULL THEN
            CASE WHEN n.inter1_code <= n.inter2_code
                THEN n.inter1_name || '-' || n.inter2_name
                ELSE n.inter2_name || '-' || n.inter1_name
            END
        WHEN coalesce(n.inter1_name, n.inter2_name) IS NOT NULL THEN coalesce(n.inter1_name, n.inter2_name) || ' only'
    END AS interaction,
    CASE
        WHEN n.inter2_code = 7 AND d.disorder_type = 'Political violence' THEN 'Civilian targeting'
    END AS civilian_targeting,
    c.iso,
    g.region,
    n.country,
    n.admin1,
    n.admin2,
    CAST(NULL AS VARCHAR) AS admin3,
    coalesce(n.location, n.admin2, n.admin1, n.country) AS location,
    n.latitude,
    n.longitude,
    CAST(least(n.geo_precision, 3) AS SMALLINT) AS geo_precision,
    n.sources AS source,
    n.source_scale,
    CAST(NULL AS VARCHAR) AS notes,
    coalesce(n.fatalities, 0) AS fatalities,
    nullif(concat_ws(
        '; ',
        'claimed by ' || n.claimed_by,
        CASE WHEN n.party_sources_only THEN 'reported only by a party to the conflict' END,
        CASE WHEN n.fatalities IS NULL THEN 'fatalities not stated' END
    ), '') AS tags,
    coalesce(st.stamp, 0) AS timestamp,
    n.event_type AS _event_type,
    n.sub_event_type AS _sub_event_type,
    n.time_precision AS _time_precision,
    n.fatalities AS _fatalities,
    n.location AS _location
FROM named AS n
LEFT JOIN acled_disorder_types AS d ON d.acled_event_type = n.acled_event_type
LEFT JOIN acled_disorder_exceptions AS x ON x.acled_sub_event_type = n.acled_sub_event_type
LEFT JOIN iso_numeric AS c ON c.iso3 = n.iso3
LEFT JOIN acled_regions AS g ON g.iso3 = n.iso3
LEFT JOIN stamps AS st ON st.event_id = n.event_id
ORDER BY n.event_id;
