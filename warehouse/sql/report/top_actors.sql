-- top_actors: the actors in most events, as actor1 or as actor2 (bound: how many actors).
WITH roles AS (
    SELECT actor1 AS actor, 'actor1' AS role, event_id FROM events WHERE actor1 IS NOT NULL
    UNION ALL
    SELECT actor2 AS actor, 'actor2' AS role, event_id FROM events WHERE actor2 IS NOT NULL
),
top AS (
    SELECT actor, count(DISTINCT event_id) AS events
    FROM roles
    GROUP BY actor
    ORDER BY events DESC, actor
    LIMIT ?
)
SELECT r.actor, r.role, count(*) AS events, any_value(t.events) AS total_events
FROM roles AS r
JOIN top AS t USING (actor)
GROUP BY r.actor, r.role
ORDER BY total_events DESC, r.actor, r.role;
