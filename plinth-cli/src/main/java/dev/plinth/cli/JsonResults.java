package dev.plinth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.cli.codegen.CodegenResult;
import dev.plinth.runner.MigrateResult;
import dev.plinth.runner.PendingResult;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RepairResult;
import dev.plinth.runner.ResetResult;
import dev.plinth.runner.RollbackResult;
import dev.plinth.runner.SeedResult;
import dev.plinth.runner.internal.catalog.Difference;
import java.util.List;

/**
 * The {@code --json} objects of the commands that change the database (the schema of each is in
 * docs/JSON.md). Keys are written explicitly and in a fixed order, so they do not change when a
 * Java record does.
 */
final class JsonResults {

  private JsonResults() {}

  static ObjectNode migrate(MigrateResult result) {
    ObjectNode root = Json.object();
    Json.put(root, "schemaVersion", result.schemaVersion());
    ArrayNode applied = root.putArray("applied");
    for (MigrateResult.Applied m : result.applied()) {
      ObjectNode item = applied.addObject();
      item.put("version", m.version());
      item.put("description", m.description());
      item.put("script", m.script());
      item.put("millis", m.millis());
    }
    root.put("totalMillis", result.totalMillis());
    return root;
  }

  static ObjectNode pending(PendingResult result) {
    ObjectNode root = Json.object();
    Json.put(root, "schemaVersion", result.schemaVersion());
    root.put("dryRun", true);
    ArrayNode pending = root.putArray("pending");
    for (PendingResult.Pending m : result.pending()) {
      ObjectNode item = pending.addObject();
      item.put("version", m.version());
      item.put("description", m.description());
      item.put("script", m.script());
      item.put("sql", m.sql());
    }
    return root;
  }

  static ObjectNode rollback(RollbackResult result) {
    ObjectNode root = Json.object();
    Json.put(root, "schemaVersion", result.schemaVersion());
    root.put("dryRun", result.dryRun());
    ArrayNode steps = root.putArray("rolledBack");
    for (RollbackResult.Step step : result.steps()) {
      ObjectNode item = steps.addObject();
      item.put("version", step.version());
      item.put("description", step.description());
      item.put("script", step.script());
      item.put("reverse", step.reverse());
      item.put("transactional", step.transactional());
      item.put("millis", step.millis());
      if (result.dryRun()) {
        item.put("sql", step.sql());
      }
    }
    root.put("totalMillis", result.totalMillis());
    return root;
  }

  static ObjectNode seed(SeedResult result) {
    ObjectNode root = Json.object();
    root.put("env", result.env());
    strings(root.putArray("seedSets"), result.seedSets());
    ArrayNode tables = root.putArray("tables");
    for (SeedResult.TableResult t : result.tables()) {
      ObjectNode item = tables.addObject();
      item.put("table", t.table());
      item.put("inserted", t.inserted());
      item.put("skipped", t.skipped());
    }
    root.put("inserted", result.inserted());
    root.put("skipped", result.skipped());
    root.put("millis", result.millis());
    return root;
  }

  static ObjectNode reset(ResetResult result) {
    ObjectNode root = Json.object();
    strings(root.putArray("droppedTables"), result.droppedTables());
    strings(root.putArray("droppedTypes"), result.droppedTypes());
    strings(root.putArray("droppedSchemas"), result.droppedSchemas());
    root.set("migrate", migrate(result.migrate()));
    return root;
  }

  static ObjectNode pruned(List<String> dropped) {
    ObjectNode root = Json.object();
    strings(root.putArray("droppedSchemas"), dropped);
    return root;
  }

  static ObjectNode repair(RepairResult result) {
    ObjectNode root = Json.object();
    strings(root.putArray("removedFailures"), result.removedFailures());
    strings(root.putArray("droppedIndexes"), result.droppedIndexes());
    strings(root.putArray("keptInvalidIndexes"), result.keptInvalidIndexes());
    return root;
  }

  static ObjectNode codegen(CodegenResult result) {
    ObjectNode root = Json.object();
    root.put("directory", result.directory().toString());
    root.put("packageName", result.packageName());
    strings(root.putArray("schemas"), result.schemas());
    strings(root.putArray("files"), result.files());
    Json.put(root, "schemaVersion", result.schemaVersion());
    return root;
  }

  /** A failed command: its message id, kind (which gives the exit code) and text. */
  static ObjectNode error(String id, String kind, String message) {
    ObjectNode root = Json.object();
    ObjectNode error = root.putObject("error");
    error.put("id", id);
    error.put("kind", kind);
    error.put("message", message);
    return root;
  }

  static ObjectNode error(PlinthException e, String message) {
    return error(e.catalogueEntry().id(), e.kind().name(), message);
  }

  /** The differences {@code verify} (or {@code baseline}) found, one object each. */
  static void differences(ArrayNode array, List<Difference> differences) {
    for (Difference d : differences) {
      ObjectNode item = array.addObject();
      item.put("change", d.change());
      item.put("object", d.object());
      item.put("name", d.name());
      item.put("aspect", d.aspect().isEmpty() ? null : d.aspect());
      item.put("expected", d.expected());
      item.put("actual", d.actual());
      item.put("text", d.text());
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
