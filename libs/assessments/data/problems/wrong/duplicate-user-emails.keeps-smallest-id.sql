-- fails: the earliest sign-up is kept even with a larger id
-- Keeps the smallest id, assuming ids follow sign-up order; imported accounts break that.
SELECT lower(trim(email)) AS email, COUNT(*) AS copies, MIN(id) AS keep_id
FROM users
WHERE email IS NOT NULL
GROUP BY lower(trim(email))
HAVING COUNT(*) > 1
ORDER BY email;
