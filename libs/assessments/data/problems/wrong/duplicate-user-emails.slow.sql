-- fails: 8000 users, 2500 addresses
-- Correct, but finds the account to keep of each duplicated email with a subquery that scans
-- every normalized user again: O(emails * users).
WITH normalized AS (
  SELECT id, lower(trim(email)) AS email, created_at FROM users WHERE email IS NOT NULL
)
SELECT n.email,
       COUNT(*) AS copies,
       (SELECT k.id
        FROM normalized AS k
        WHERE k.email = n.email
        ORDER BY k.created_at, k.id
        LIMIT 1) AS keep_id
FROM normalized AS n
GROUP BY n.email
HAVING COUNT(*) > 1
ORDER BY n.email;
