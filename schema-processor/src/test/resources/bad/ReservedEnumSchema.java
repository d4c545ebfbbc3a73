package bad;

import dev.plinth.annotations.EnumType;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

class ReservedEnumSchema {
  // message: [PLN126] Schema 'pg_app' is reserved: PostgreSQL keeps the names that start with pg_ for its own schemas and refuses tables and types in them. Use another schema, such as @EnumType(schema = "app").
  @EnumType(schema = "pg_app") // expect: PLN126
  enum Level { LOW, HIGH }

  @Table
  record Alarm(@Id long id, Level level) {}
}
