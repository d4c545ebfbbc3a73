-- Hand-written data migration. Plinth turns Flyway's placeholders off, so ${...} below is plain text.
INSERT INTO "public"."account" ("email", "display_name") VALUES ('ada@example.com', 'Ada ${lastName}');
