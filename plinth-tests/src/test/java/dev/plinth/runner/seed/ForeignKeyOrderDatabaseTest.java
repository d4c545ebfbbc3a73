package dev.plinth.runner.seed;

import dev.plinth.runner.internal.seed.SeedSetDefinition;
import dev.plinth.runner.internal.seed.Seeder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.seed.SeedRow;
import dev.plinth.seed.SeedRows;
import dev.plinth.seed.TableInfo;
import dev.plinth.seed.TableInfo.ColumnInfo;
import dev.plinth.seed.TableInfo.ForeignKeyInfo;
import dev.plinth.testing.PlinthDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Insertion order on tables made for the test, whose rows are added children first: with NOT NULL
 * foreign keys a wrong order would fail, so success proves the order came from the schema.
 */
@PlinthDatabase(locations = "classpath:fixtures/empty/db/migration")
class ForeignKeyOrderDatabaseTest {
  private static final ColumnInfo ID = new ColumnInfo("id", "uuid", false, true, TableInfo.Generation.NONE);

  @Test
  void aChainAddedLeafFirstIsInsertedRootFirst(DataSource db) throws SQLException {
    SeederTest.execute(db, """
        CREATE TABLE c_root (id uuid PRIMARY KEY DEFAULT gen_random_uuid());
        CREATE TABLE b_mid (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), parent uuid NOT NULL REFERENCES c_root);
        CREATE TABLE a_leaf (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), parent uuid NOT NULL REFERENCES b_mid);
        """);
    TableInfo root = table("c_root", null, false);
    TableInfo mid = table("b_mid", "c_root", false);
    TableInfo leaf = table("a_leaf", "b_mid", false);

    run(db, rows -> {
      SeedRow<?> l = row(rows, leaf);
      SeedRow<?> m = row(rows, mid);
      SeedRow<?> r = row(rows, root);
      l.set("parent", m);
      m.set("parent", r);
    });

    assertEquals(List.of("1"), SeederTest.query(db, "SELECT count(*) FROM a_leaf l JOIN b_mid m ON m.id = l.parent"
        + " JOIN c_root r ON r.id = m.parent"));
  }

  @Test
  void aCycleThroughANullableKeyIsClosedByAnUpdate(DataSource db) throws SQLException {
    SeederTest.execute(db, """
        CREATE TABLE x (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), parent uuid);
        CREATE TABLE y (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), parent uuid NOT NULL REFERENCES x);
        ALTER TABLE x ADD FOREIGN KEY (parent) REFERENCES y;
        """);
    TableInfo x = table("x", "y", true);
    TableInfo y = table("y", "x", false);
    Consumer<SeedRows> body = rows -> {
      SeedRow<?> rx = row(rows, x);
      SeedRow<?> ry = row(rows, y);
      rx.set("parent", ry);
      ry.set("parent", rx);
    };

    run(db, body);
    run(db, body);

    assertEquals(List.of("1"), SeederTest.query(db, "SELECT count(*) FROM x JOIN y ON y.parent = x.id AND x.parent = y.id"));
    assertEquals(List.of("1|1"), SeederTest.query(db, "SELECT (SELECT count(*) FROM x) || '|' || (SELECT count(*) FROM y)"));
  }

  private static void run(DataSource db, Consumer<SeedRows> body) {
    Seeder.create().run(db, "test", List.of(new SeedSetDefinition("test.Order", 0, Set.of("test"), body)));
  }

  private static SeedRow<?> row(SeedRows rows, TableInfo table) {
    return new SeedRow<Object>(rows, table) {};
  }

  private static TableInfo table(String name, String parent, boolean nullable) {
    if (parent == null) {
      return new TableInfo("public", name, List.of(ID), List.of("id"), List.of(), List.of());
    }
    return new TableInfo("public", name,
        List.of(ID, new ColumnInfo("parent", "uuid", nullable, false, TableInfo.Generation.NONE)),
        List.of("id"), List.of(),
        List.of(new ForeignKeyInfo(List.of("parent"), "public", parent, List.of("id"))));
  }
}
