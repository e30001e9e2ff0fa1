-- fails: missing emails are not duplicates of each other
-- Forgets that GROUP BY puts all NULL emails in one group, reported as a duplicate.
WITH normalized AS (
  SELECT id, lower(trim(email)) AS email,
         ROW_NUMBER() OVER (PARTITION BY lower(trim(email)) ORDER BY created_at, id) AS rank_in_email
  FROM users
)
SELECT email, COUNT(*) AS copies, MAX(CASE WHEN rank_in_email = 1 THEN id END) AS keep_id
FROM normalized
GROUP BY email
HAVING COUNT(*) > 1
ORDER BY email;
