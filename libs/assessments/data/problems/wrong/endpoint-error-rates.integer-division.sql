-- fails: equal rates: more requests first, then by name
-- Orders by server_errors / requests in integer arithmetic: every rate below 100% becomes 0.
SELECT endpoint,
       COUNT(*) AS requests,
       SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) AS server_errors,
       SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) * 1000 / COUNT(*) AS error_permille
FROM requests
GROUP BY endpoint
HAVING COUNT(*) >= 3
ORDER BY SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) / COUNT(*) DESC, COUNT(*) DESC, endpoint;
