ALTER TABLE customer ADD COLUMN email character varying(320);
CREATE UNIQUE INDEX customer_email_idx ON customer (email);
