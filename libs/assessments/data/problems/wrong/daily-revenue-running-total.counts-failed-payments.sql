-- fails: a day with only failed payments
-- COUNT(*) counts the failed payments too.
SELECT substr(paid_at, 1, 10) AS day,
       COUNT(*) AS payments,
       COALESCE(SUM(amount_cents), 0) AS revenue_cents,
       SUM(COALESCE(SUM(amount_cents), 0)) OVER (ORDER BY substr(paid_at, 1, 10)) AS running_cents
FROM payments
GROUP BY substr(paid_at, 1, 10)
ORDER BY day;
