SELECT count(*) FROM purchases WHERE id >= min_id
