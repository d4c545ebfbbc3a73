SELECT count(*)::integer FROM orders WHERE id >= min_id
