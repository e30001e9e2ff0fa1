-- fails: same finish time: the larger id wins
-- Joins each service's greatest finish time back to the table: tied deployments all match.
SELECT d.service, d.version, d.finished_at
FROM deployments AS d
JOIN (
  SELECT service, MAX(finished_at) AS latest FROM deployments GROUP BY service
) AS m ON m.service = d.service AND m.latest = d.finished_at
ORDER BY d.service;
