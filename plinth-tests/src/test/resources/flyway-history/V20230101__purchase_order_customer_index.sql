CREATE INDEX purchase_order_customer_id_idx ON purchase_order (customer_id);
