-- sources: one row per event and outlet. Each article's `source` is split at ';'; each part is typed from
-- the outlets list (temp table `outlets`, from eventcoder/coding/data/outlets.csv): by its whole name or
-- an alias, else by its name without a bracket at the end when that bracket names the outlet's own country
-- (or there is none) and exactly one listed outlet has that name. An unlisted outlet gets the country its
-- bracket names and a kind guessed from words of its name (ministry, news agency, TV, radio, Twitter...).
CREATE OR REPLACE TEMP VIEW sources AS
WITH listed AS (
    SELECT o.outlet, o.country, o.scale, o.kind, n.name
    FROM outlets AS o,
        unnest(list_prepend(o.outlet, coalesce(string_split(o.aliases, '|'), []))) AS n(name)
),
listed_keys AS (
    SELECT outlet, country, scale, kind, outlet_key(name) AS full_key, outlet_base(name) AS base_key
    FROM listed
),
cited AS (
    SELECT l.event_id, trim(part.name) AS outlet, m.article_id
    FROM mention_events AS l
    JOIN event_mentions AS m ON m.event_id = l.mention_id
    JOIN articles AS a ON a.article_id = m.article_id,
        unnest(string_split(a.source, ';')) AS part(name)
    WHERE trim(part.name) <> ''
),
parsed AS (
    SELECT
        p.outlet,
        outlet_key(p.outlet) AS full_key,
        outlet_base(p.outlet) AS base_key,
        c.iso3 AS bracket_iso3
    FROM (SELECT DISTINCT outlet FROM cited) AS p
    LEFT JOIN country_names AS c
        ON c.name_key = outlet_key(nullif(regexp_extract(p.outlet, '\(([^)]*)\)\s*$', 1), ''))
),
candidates AS (
    SELECT p.outlet, k.outlet AS outlet_name, k.country, k.scale, k.kind, 1 AS pass
    FROM parsed AS p JOIN listed_keys AS k ON k.full_key = p.full_key
    UNION ALL
    SELECT p.outlet, k.outlet AS outlet_name, k.country, k.scale, k.kind, 2 AS pass
    FROM parsed AS p JOIN listed_keys AS k ON k.base_key = p.base_key
    WHERE p.bracket_iso3 IS NULL OR p.bracket_iso3 = k.country
),
best AS (
    SELECT outlet, min(pass) AS pass FROM candidates GROUP BY outlet
),
matched AS (
    SELECT
        c.outlet,
        any_value(c.outlet_name) AS outlet_name,
        any_value(c.country) AS country,
        any_value(c.scale) AS scale,
        any_value(c.kind) AS kind
    FROM candidates AS c
    JOIN best AS b ON b.outlet = c.outlet AND b.pass = c.pass
    GROUP BY c.outlet
    HAVING count(DISTINCT c.outlet_name) = 1
),
guessed AS (
    SELECT
        outlet,
        bracket_iso3,
        CASE
            WHEN regexp_matches(full_key, '\b(twitter|facebook|whatsapp|telegram|youtube|instagram|tiktok)\b')
                THEN 'social media'
            WHEN regexp_matches(full_key, '\b(ministry|ministerio|ministere|government|armed forces|army|police|press service|presidency|governor)\b')
                THEN 'government'
            WHEN regexp_matches(full_key, '\b(news agency|press agency|agencia|agence)\b')
                THEN 'news agency'
            WHEN regexp_matches(full_key, '\b(tv|television|radio|fm|broadcasting)\b')
                THEN 'broadcaster'
            WHEN regexp_matches(full_key, '\b(human rights|observatory|watch|monitor)\b')
                THEN 'NGO'
        END AS kind
    FROM parsed
),
typed AS (
    SELECT
        g.outlet,
        coalesce(m.outlet_name, g.outlet) AS outlet_name,
        coalesce(m.country, g.bracket_iso3) AS country,
        coalesce(m.scale, CASE WHEN g.kind = 'social media' THEN 'new media' END) AS scale,
        coalesce(m.kind, g.kind) AS kind,
        CASE WHEN m.outlet IS NOT NULL THEN 'outlets list' WHEN g.kind IS NOT NULL THEN 'name' END AS typed_by
    FROM guessed AS g
    LEFT JOIN matched AS m ON m.outlet = g.outlet
)
SELECT
    c.event_id,
    c.outlet,
    t.outlet_name,
    t.country,
    t.scale,
    t.kind,
    t.typed_by,
    coalesce(k.party, false) AS party_to_conflict,
    count(DISTINCT c.article_id) AS n_articles
FROM cited AS c
JOIN typed AS t ON t.outlet = c.outlet
LEFT JOIN outlet_kinds AS k ON k.kind = t.kind
GROUP BY ALL
ORDER BY c.event_id, c.outlet;
