-- fails: 8000 deployments of 12 services
-- Correct, but the "no later deployment" test is a LEFT JOIN that pairs each deployment with
-- every later one of its service before keeping those without any: O(deployments^2 / services).
SELECT d.service, d.version, d.finished_at
FROM deployments AS d
LEFT JOIN deployments AS later
  ON later.service = d.service
  AND later.finished_at IS NOT NULL
  AND (later.finished_at > d.finished_at OR (later.finished_at = d.finished_at AND later.id > d.id))
WHERE d.finished_at IS NOT NULL AND later.id IS NULL
ORDER BY d.service;
