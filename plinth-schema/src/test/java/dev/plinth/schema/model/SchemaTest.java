package dev.plinth.schema.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Editing a schema keeps its tables sorted by name, without sorting them again. */
class SchemaTest {
  private static Table table(String name, String comment) {
    return new Table(new QualifiedName("public", name), "app." + name, comment,
        List.of(new Column("id", "bigint", null, false, null, Identity.NONE, null, null)),
        null, List.of(), List.of(), List.of(), List.of(), null);
  }

  @Test
  void withTableInsertsInOrderAndReplacesByName() {
    Schema schema = Schema.EMPTY.withTable(table("m", null)).withTable(table("z", null))
        .withTable(table("a", null)).withTable(table("p", null)).withTable(table("m", "replaced"));

    assertEquals(List.of(table("a", null), table("m", "replaced"), table("p", null), table("z", null)),
        schema.tables());
    assertEquals(new Schema(List.of(table("z", null), table("p", null), table("m", "replaced"), table("a", null)),
        List.of()), schema, "equal to the same tables given in any order");
    assertEquals("replaced", schema.table(new QualifiedName("public", "m")).orElseThrow().comment());
  }

  @Test
  void theTablesOfAnEditedSchemaCannotBeChanged() {
    Schema schema = Schema.EMPTY.withTable(table("a", null)).withTable(table("b", null));

    assertThrows(UnsupportedOperationException.class, () -> schema.tables().add(table("c", null)));
    assertThrows(UnsupportedOperationException.class, () -> schema.tables().set(0, table("c", null)));
  }
}
