-- fails: 20000 payments over 5000 days
-- Correct, but computes each day's running total with a correlated subquery over all earlier payments.
WITH daily AS (
  SELECT substr(paid_at, 1, 10) AS day,
         COUNT(amount_cents) AS payments,
         COALESCE(SUM(amount_cents), 0) AS revenue_cents
  FROM payments
  GROUP BY substr(paid_at, 1, 10)
)
SELECT d.day, d.payments, d.revenue_cents,
       (SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments AS p WHERE substr(p.paid_at, 1, 10) <= d.day) AS running_cents
FROM daily AS d
ORDER BY d.day;
