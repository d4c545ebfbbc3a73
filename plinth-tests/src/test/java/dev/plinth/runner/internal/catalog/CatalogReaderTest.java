package dev.plinth.runner.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The catalog reader sees every table, also one that has no columns (PostgreSQL allows it). */
class CatalogReaderTest {

  @Test
  void aTableWithoutColumnsIsRead() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("catalog_empty");
    Sql.execute(db, "CREATE TABLE marker (); CREATE TABLE other (id bigint)");

    Schema live;
    try (Connection connection = db.connect()) {
      live = CatalogReader.read(connection, "flyway_schema_history");
    }

    Table marker = live.table(new QualifiedName("public", "marker")).orElseThrow();
    assertTrue(marker.columns().isEmpty(), "no columns: " + marker.columns());
    assertEquals(1, live.table(new QualifiedName("public", "other")).orElseThrow().columns().size());
  }
}
