-- Migrated by Spring Boot's own Flyway support once plinth.enabled=false hands migrations back to it.
CREATE TABLE legacy (id bigint PRIMARY KEY);
