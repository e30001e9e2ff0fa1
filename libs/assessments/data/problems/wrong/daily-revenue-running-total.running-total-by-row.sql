-- fails: payments at the same second
-- Computes the running total per payment row and keeps each day's last row by time: payments
-- sharing that last timestamp are cut off (ROWS frame), and failed payments count as rows.
WITH per_row AS (
  SELECT substr(paid_at, 1, 10) AS day, paid_at,
         COUNT(*) OVER (PARTITION BY substr(paid_at, 1, 10)) AS payments,
         SUM(COALESCE(amount_cents, 0)) OVER (PARTITION BY substr(paid_at, 1, 10)) AS revenue_cents,
         SUM(COALESCE(amount_cents, 0)) OVER (ORDER BY paid_at, id ROWS UNBOUNDED PRECEDING) AS running_cents,
         ROW_NUMBER() OVER (PARTITION BY substr(paid_at, 1, 10) ORDER BY paid_at DESC, id) AS rn
  FROM payments
)
SELECT day, payments, revenue_cents, running_cents FROM per_row WHERE rn = 1 ORDER BY day;
