-- corrections: analysts' corrections by kind and whether they apply.
SELECT kind, status, count(*) AS corrections
FROM corrections
GROUP BY kind, status
ORDER BY kind, status;
