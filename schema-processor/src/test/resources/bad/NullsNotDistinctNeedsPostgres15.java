package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;

class NullsNotDistinctNeedsPostgres15 {
  @Table
  @Unique(columns = "ref", nullsNotDistinct = true) // expect: PLN119
  // message: [PLN119] @Unique(nullsNotDistinct = true) (UNIQUE NULLS NOT DISTINCT) needs PostgreSQL 15 or later, but the migrations target PostgreSQL 14 (the processor option plinth.postgres). If every database they run on is PostgreSQL 15 or later, pass -Aplinth.postgres=15 to javac (Maven: <compilerArgs>); otherwise remove it.
  record Item(@Id long id, @Nullable String ref) {}
}
