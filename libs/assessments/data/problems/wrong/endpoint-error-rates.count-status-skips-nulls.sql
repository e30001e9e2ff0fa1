-- fails: requests without a status count, but not as errors
-- Counts requests with COUNT(status), which skips the requests that have no status.
SELECT endpoint,
       COUNT(status) AS requests,
       SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) AS server_errors,
       SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) * 1000 / COUNT(status) AS error_permille
FROM requests
GROUP BY endpoint
HAVING COUNT(status) >= 3
ORDER BY SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) * 1.0 / COUNT(status) DESC, COUNT(status) DESC, endpoint;
