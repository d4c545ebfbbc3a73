package dev.plinth.schema.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Schema edits (tables, enum types and views added, replaced and removed one at a time, as a
 * migration's changes apply) keep each list sorted by name, leave the schema they started from as
 * it was, and find by name; checked against a {@link TreeMap} doing the same edits.
 */
class SchemaEditsTest {
  @Test
  void editsKeepNamesSortedAndEarlierSchemasUnchanged() {
    Schema schema = new Schema(List.of(table("b"), table("a")), List.of());
    Schema start = schema;
    assertEquals(List.of(table("a"), table("b")), schema.tables(), "sorted on construction");
    schema = schema.withTable(table("c")).withTable(table("0")).withoutTable(name("b"))
        .withTable(table("a").withComment("new"));
    assertEquals(List.of(table("0"), table("a").withComment("new"), table("c")), schema.tables());
    assertEquals(List.of(table("a"), table("b")), start.tables(), "the schema edited is unchanged");
    assertEquals("[public.0, public.a, public.c]",
        schema.tables().stream().map(t -> t.name().toString()).toList().toString());
    assertEquals(Optional.empty(), schema.table(name("b")));
    assertEquals(schema, schema.withoutTable(name("nothing")), "removing what is not there changes nothing");
    assertThrows(UnsupportedOperationException.class, () -> start.tables().add(table("x")));
  }

  @Test
  void enumTypesAndViewsByName() {
    EnumType mood = new EnumType(name("mood"), "M", List.of("sad"));
    Schema schema = Schema.EMPTY.withEnum(mood).withEnum(new EnumType(name("color"), "C", List.of("red")))
        .withEnum(new EnumType(name("mood"), "M", List.of("sad", "happy")))
        .withView(new View(name("v2"), "V2", "SELECT 2")).withView(new View(name("v1"), "V1", "SELECT 1"));
    assertEquals("[public.color, public.mood]", schema.enums().stream().map(e -> e.name().toString()).toList()
        .toString());
    assertEquals(Optional.of(List.of("sad", "happy")), schema.enumType(name("mood")).map(EnumType::values));
    assertEquals(List.of(new View(name("v1"), "V1", "SELECT 1"), new View(name("v2"), "V2", "SELECT 2")),
        schema.views());
    assertEquals(List.of(new View(name("v2"), "V2", "SELECT 2")), schema.withoutView(name("v1")).views());
    assertEquals("[public.color]", schema.withoutEnum(name("mood")).enums().stream()
        .map(e -> e.name().toString()).toList().toString());
    assertEquals(Optional.empty(), schema.withoutView(name("v1")).view(name("v1")));
  }

  @Test
  void manyRandomEditsAgreeWithATreeMap() {
    Random random = new Random(13);
    TreeMap<QualifiedName, Table> expected = new TreeMap<>();
    Schema schema = Schema.EMPTY;
    for (int i = 0; i < 5000; i++) {
      QualifiedName name = new QualifiedName("s" + random.nextInt(3), "t" + random.nextInt(400));
      if (random.nextInt(3) == 0) {
        expected.remove(name);
        schema = schema.withoutTable(name);
      } else {
        Table table = new Table(name, "C" + i, null, List.of(), null, List.of(), List.of(), List.of(), List.of(), null);
        expected.put(name, table);
        schema = schema.withTable(table);
      }
      if (i % 500 == 0) {
        assertEquals(new ArrayList<>(expected.values()), schema.tables(), "after edit " + i);
      }
      assertEquals(Optional.ofNullable(expected.get(name)), schema.table(name), "lookup after edit " + i);
    }
    assertEquals(new ArrayList<>(expected.values()), schema.tables());
    assertEquals(expected.size(), schema.tables().size());
    assertEquals(new ArrayList<>(expected.values()), schema.tables().stream().collect(Collectors.toList()));
    assertEquals(new Schema(new ArrayList<>(expected.values()), List.of()), schema, "equal to a schema built at once");
  }

  private static QualifiedName name(String name) {
    return new QualifiedName(QualifiedName.DEFAULT_SCHEMA, name);
  }

  private static Table table(String name) {
    return new Table(name(name), "T", null, List.of(), null, List.of(), List.of(), List.of(), List.of(), null);
  }
}
