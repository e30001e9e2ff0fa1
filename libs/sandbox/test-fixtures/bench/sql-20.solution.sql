-- Reference solution of sql-20.json: error rate per endpoint, worst first.
SELECT path,
       COUNT(*) AS requests,
       SUM(status >= 500) AS errors
FROM requests
GROUP BY path
HAVING SUM(status >= 500) > 0
ORDER BY 1.0 * SUM(status >= 500) / COUNT(*) DESC, path;
