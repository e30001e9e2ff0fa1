-- fails: 20000 requests on 5000 endpoints
-- Correct, but counts each row's endpoint again with correlated subqueries: every row rescans the table.
SELECT endpoint, requests, server_errors, server_errors * 1000 / requests AS error_permille
FROM (
  SELECT DISTINCT r.endpoint,
         (SELECT COUNT(*) FROM requests AS x WHERE x.endpoint = r.endpoint) AS requests,
         (SELECT COUNT(*) FROM requests AS x WHERE x.endpoint = r.endpoint AND x.status >= 500) AS server_errors
  FROM requests AS r
)
WHERE requests >= 3
ORDER BY server_errors * 1.0 / requests DESC, requests DESC, endpoint;
