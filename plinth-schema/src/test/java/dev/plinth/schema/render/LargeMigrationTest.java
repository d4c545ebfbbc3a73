package dev.plinth.schema.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Change.AddIndex;
import dev.plinth.schema.diff.Change.CreateTable;
import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A migration of many changes, given in reverse name order, renders forward and reverse with every
 * statement in place and folds into the schema in name order. (Its cost, O(n log n) since schema
 * edits share a tree, is measured by the bench module's pull figure, not asserted here.)
 */
class LargeMigrationTest {
  private static final int TABLES = 20_000;

  @Test
  void aMigrationOfTwentyThousandTablesRendersAndFoldsInOrder() {
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < TABLES; i++) {
      QualifiedName name = new QualifiedName("public", String.format("t%05d", TABLES - i));
      Table table = new Table(name, "T", null,
          List.of(new Column("id", "bigint", null, false, null, Identity.NONE, null, null)),
          new PrimaryKey(name.name() + "_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
      changes.add(new CreateTable(table));
      changes.add(new AddIndex(name, new Index(name.name() + "_id_idx", List.of(new IndexKey("id", null, null, false)),
          false, "btree", null, List.of(), false)));
    }

    String forward = MigrationScript.forward("1", Schema.EMPTY, changes, null, true, false);
    String reverse = MigrationScript.reverse("1", Schema.EMPTY, changes, null, true, false);

    assertTrue(forward.contains("\nCREATE INDEX \"t00001_id_idx\" ON \"public\".\"t00001\" USING btree (\"id\");\n"), forward.substring(0, 500));
    assertTrue(reverse.endsWith("\nDROP TABLE \"public\".\"t20000\";\n"), reverse.substring(reverse.length() - 200));
    Schema after = Changes.apply(Schema.EMPTY, changes);
    assertEquals(TABLES, after.tables().size());
    assertEquals("t00001", after.tables().get(0).name().name());
    assertEquals(List.of("t20000_id_idx"), after.table(new QualifiedName("public", "t20000")).orElseThrow()
        .indexes().stream().map(Index::name).toList());
  }
}
