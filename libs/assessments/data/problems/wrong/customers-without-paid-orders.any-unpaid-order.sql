-- fails: several unpaid orders, one row per customer
-- Keeps a customer for every order that is not paid: customers who also paid slip in, and
-- a customer with several unpaid orders appears once per order.
SELECT c.id, c.name
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id
WHERE o.id IS NULL OR o.status <> 'paid'
ORDER BY c.name, c.id;
