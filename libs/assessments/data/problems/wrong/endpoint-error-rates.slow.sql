-- fails: 5000 requests on 248 endpoints
-- Correct, but counts each endpoint's requests and server errors with subqueries that scan the
-- whole log again for every endpoint: O(endpoints * requests).
SELECT e.endpoint, e.requests, e.server_errors, e.server_errors * 1000 / e.requests AS error_permille
FROM (
  SELECT d.endpoint,
         (SELECT COUNT(*) FROM requests AS r WHERE r.endpoint = d.endpoint) AS requests,
         (SELECT COUNT(*) FROM requests AS r WHERE r.endpoint = d.endpoint AND r.status >= 500) AS server_errors
  FROM (SELECT DISTINCT endpoint FROM requests) AS d
) AS e
WHERE e.requests >= 3
ORDER BY e.server_errors * 1.0 / e.requests DESC, e.requests DESC, e.endpoint;
