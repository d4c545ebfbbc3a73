package dev.plinth.schema.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.Trigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pulled functions and triggers: where their annotations go, the resource files of the bodies, and
 * the names under which pull's other outputs know them.
 */
class RoutineSourcesTest {
  private static final QualifiedName FUNCTIONS_TABLE = new QualifiedName("public", "functions");
  private static final QualifiedName TOUCH = new QualifiedName("public", "touch");

  private static final Schema SCHEMA = new Schema(List.of(
      new Table(FUNCTIONS_TABLE, "", null, List.of(
          new Column("id", "bigint", null, false, null, Identity.NONE, null, null)),
          new PrimaryKey("functions_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null)),
      List.of())
      .withFunctions(List.of(
          new Function(TOUCH, "", "", "trigger", "plpgsql", "BEGIN RETURN NEW; END"),
          new Function(new QualifiedName("public", "a b"), "", "x integer", "integer", "sql", "SELECT x"),
          new Function(new QualifiedName("public", "a_b"), "", "", "integer", "sql", "SELECT 1")))
      .withTriggers(List.of(new Trigger("functions_touch", FUNCTIONS_TABLE, TOUCH, "AFTER",
          List.of("UPDATE", "INSERT"), "STATEMENT", null, "")));

  @Test
  void functionsGoOnTheRecordOfATableWhoseTriggerExecutesThemOrOnAnInterface() {
    RecordSources.Result result = RecordSources.render(SCHEMA, "app");

    assertEquals(List.of("app/Functions.java", "app/FunctionsRecord.java"), List.copyOf(result.files().keySet()));
    assertEquals("""
        package app;

        import dev.plinth.annotations.Function;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Table;
        import dev.plinth.annotations.Trigger;
        import dev.plinth.annotations.TriggerEvent;

        @Table(name = "functions")
        @Function(name = "touch", resource = "fn/touch.sql")
        @Trigger(name = "functions_touch", function = "touch", timing = Trigger.Timing.AFTER,\
         events = {TriggerEvent.INSERT, TriggerEvent.UPDATE}, forEach = Trigger.Level.STATEMENT)
        public record FunctionsRecord(
            @Id long id) {}
        """, result.files().get("app/FunctionsRecord.java"));
    assertEquals("""
        package app;

        import dev.plinth.annotations.Function;

        /** PostgreSQL functions, their bodies among the resources. */
        @Function(name = "a b", resource = "fn/a_b.sql", arguments = "x integer", returns = "integer",\
         language = "sql")
        @Function(name = "a_b", resource = "fn/a_b_2.sql", returns = "integer", language = "sql")
        public interface Functions {}
        """, result.files().get("app/Functions.java"));
    assertEquals(Map.of("fn/a_b.sql", "SELECT x\n", "fn/a_b_2.sql", "SELECT 1\n", "fn/touch.sql",
        "BEGIN RETURN NEW; END\n"), result.resources());
    assertEquals("app.FunctionsRecord", result.schema().function(TOUCH).orElseThrow().javaClass());
    assertEquals("app.Functions",
        result.schema().function(new QualifiedName("public", "a_b")).orElseThrow().javaClass());
    assertEquals(List.of("app.FunctionsRecord"), result.schema().triggers().stream().map(Trigger::javaClass).toList());
  }

  @Test
  void pullsOtherOutputsKnowTheDeclaredObjectsByTheirNames() {
    Schema records = RecordSources.render(SCHEMA, "app").schema();

    assertTrue(DeclaredObjects.declares(records, "function", "public.touch()"));
    assertTrue(DeclaredObjects.declares(records, "function", "public.\"a b\"(integer)"));
    assertFalse(DeclaredObjects.declares(records, "function", "billing.billing.touch()"));
    assertTrue(DeclaredObjects.declares(records, "trigger", "public.functions.functions_touch"));
    assertFalse(DeclaredObjects.declares(records, "trigger", "public.functions.other"));
    assertTrue(DeclaredObjects.declares(records,
        Unsupported.Reason.NOT_MODELLED.of("function public.touch()", "a function")));
    assertFalse(DeclaredObjects.declares(records,
        Unsupported.Reason.WRITTEN_WITHOUT.of("function public.touch()", "a function")));
    assertEquals(new QualifiedName("billing", "total"), DeclaredObjects.functionName("billing.billing.total(numeric)"));
  }
}
