-- fails: 2500 customers, 4500 orders
-- Correct, but joins every customer to every paid order and only then counts the customer's
-- own: the match belongs in the join condition. O(customers * paid orders).
SELECT c.id, c.name
FROM customers AS c
LEFT JOIN orders AS o ON o.status = 'paid'
GROUP BY c.id, c.name
HAVING COUNT(CASE WHEN o.customer_id = c.id THEN 1 END) = 0
ORDER BY c.name, c.id;
