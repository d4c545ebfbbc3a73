SELECT avg(id) FROM orders
