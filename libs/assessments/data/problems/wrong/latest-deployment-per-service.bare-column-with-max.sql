-- fails: same finish time: the larger id wins
-- Relies on SQLite's bare column beside MAX(): on a tie it takes the first row, not the last,
-- and a service whose deployments all are unfinished still shows up with a NULL time.
SELECT service, version, MAX(finished_at) AS finished_at
FROM deployments
GROUP BY service
ORDER BY service;
