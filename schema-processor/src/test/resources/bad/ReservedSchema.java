package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

// message: [PLN126] Schema 'pg_catalog' is reserved: PostgreSQL keeps the names that start with pg_ for its own schemas and refuses tables and types in them. Use another schema, such as @Table(schema = "app").
@Table(schema = "pg_catalog") // expect: PLN126
record ReservedSchema(@Id long id) {}
