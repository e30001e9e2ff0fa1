-- fails: 6000 payments over 300 days
-- Correct, but computes each day's running total with a subquery that sums every payment up
-- to that day again, instead of a window over the daily rows: O(days * payments).
SELECT substr(p.paid_at, 1, 10) AS day,
       COUNT(p.amount_cents) AS payments,
       COALESCE(SUM(p.amount_cents), 0) AS revenue_cents,
       (SELECT COALESCE(SUM(q.amount_cents), 0)
        FROM payments AS q
        WHERE substr(q.paid_at, 1, 10) <= substr(p.paid_at, 1, 10)) AS running_cents
FROM payments AS p
GROUP BY substr(p.paid_at, 1, 10)
ORDER BY day;
