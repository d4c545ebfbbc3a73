package dev.plinth.features;

import static dev.plinth.features.ModelScripts.migrate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An index on an expression over a column with a collation of its own: PostgreSQL gives the key the
 * collation the expression derives from the column, which the index does not state; the catalog
 * reads it as the model has it (no collation), and a collation the key does state as stated.
 */
class ExpressionIndexCollationDatabaseTest {
  @Test
  void anExpressionKeyHasTheCollationOfItsColumnWithoutStatingIt() throws SQLException {
    Schema schema = new Schema(List.of(table(List.of(
        index("word_lower_idx", null), index("word_lower_posix_idx", "POSIX")))), List.of());
    TestDatabase db = SharedPostgres.newDatabase("expression_index_collation");
    try (Connection connection = db.connect()) {
      migrate(connection, Schema.EMPTY, schema, "1");

      Table read = CatalogReader.read(connection, "-").table(new QualifiedName("public", "word")).orElseThrow();
      assertEquals(java.util.Arrays.asList(null, "POSIX"), read.indexes().stream()
          .map(i -> i.keys().get(0).collation()).toList(), "by index name: word_lower_idx, word_lower_posix_idx");
    }
  }

  private static Index index(String name, String collation) {
    return new Index(name, List.of(new IndexKey(null, "lower(\"spelling\")", null, false, null, collation)),
        false, "btree", null, List.of(), false);
  }

  private static Table table(List<Index> indexes) {
    List<Column> columns = List.of(
        new Column("id", "bigint", null, false, null, Identity.NONE, null, null),
        new Column("spelling", "text", null, false, null, Identity.NONE, null, null).withCollation("C"));
    return new Table(new QualifiedName("public", "word"), "app.Word", null, columns,
        new PrimaryKey("word_pkey", List.of("id")), List.of(), List.of(), indexes, List.of(), null);
  }
}
