-- fails: a day with only failed payments
-- SUM over a day whose payments all failed is NULL, not 0.
SELECT substr(paid_at, 1, 10) AS day,
       COUNT(amount_cents) AS payments,
       SUM(amount_cents) AS revenue_cents,
       SUM(SUM(amount_cents)) OVER (ORDER BY substr(paid_at, 1, 10)) AS running_cents
FROM payments
GROUP BY substr(paid_at, 1, 10)
ORDER BY day;
