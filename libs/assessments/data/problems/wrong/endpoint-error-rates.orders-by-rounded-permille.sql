-- fails: rates closer than the rounded permille
-- Orders by the rounded-down permille, so rates that differ by less than 1/1000 tie.
SELECT endpoint,
       COUNT(*) AS requests,
       SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) AS server_errors,
       SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) * 1000 / COUNT(*) AS error_permille
FROM requests
GROUP BY endpoint
HAVING COUNT(*) >= 3
ORDER BY error_permille DESC, requests DESC, endpoint;
