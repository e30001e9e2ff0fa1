-- fails: refunded and pending orders are not paid
-- Finds customers with no order at all, forgetting that unpaid orders do not count.
SELECT c.id, c.name
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id
WHERE o.id IS NULL
ORDER BY c.name, c.id;
