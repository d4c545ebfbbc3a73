-- A second migrations folder, for an application's own Plinth bean.
CREATE TABLE note (id bigint PRIMARY KEY, body text NOT NULL);
