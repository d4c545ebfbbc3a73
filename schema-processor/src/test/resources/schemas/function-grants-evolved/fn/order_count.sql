SELECT count(*)::integer FROM orders WHERE id BETWEEN min_id AND max_id
