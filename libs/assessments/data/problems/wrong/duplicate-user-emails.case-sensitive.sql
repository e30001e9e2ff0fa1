-- fails: exact copies and several groups
-- Groups by the email as stored, so "a@example.com" and "A@EXAMPLE.COM" are different.
SELECT email, COUNT(*) AS copies, MIN(id) AS keep_id
FROM users
WHERE email IS NOT NULL
GROUP BY email
HAVING COUNT(*) > 1
ORDER BY email;
