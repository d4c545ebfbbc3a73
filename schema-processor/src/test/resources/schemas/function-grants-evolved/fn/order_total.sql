SELECT coalesce(sum(id), 0)::bigint FROM orders
