-- fails: guest orders have no customer
-- NOT IN over a list holding a NULL (a guest order) is never true: no customer is returned.
SELECT id, name
FROM customers
WHERE id NOT IN (SELECT customer_id FROM orders WHERE status = 'paid')
ORDER BY name, id;
