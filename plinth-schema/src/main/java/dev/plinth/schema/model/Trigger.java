package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A trigger on a table, calling a function.
 *
 * @param name the trigger name, unique on its table
 * @param table the table it fires on
 * @param function the function it executes (with no arguments)
 * @param timing {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}
 * @param events {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code TRUNCATE}, in that order
 * @param forEach {@code ROW} or {@code STATEMENT}
 * @param when the condition of its {@code WHEN} clause, or null
 * @param javaClass the binary name of the record that declares it
 */
@JsonPropertyOrder({"name", "table", "function", "timing", "events", "forEach", "when", "javaClass"})
public record Trigger(
    @JsonProperty("name") String name,
    @JsonProperty("table") QualifiedName table,
    @JsonProperty("function") QualifiedName function,
    @JsonProperty("timing") String timing,
    @JsonProperty("events") List<String> events,
    @JsonProperty("forEach") String forEach,
    @JsonProperty("when") @JsonInclude(JsonInclude.Include.NON_NULL) String when,
    @JsonProperty("javaClass") String javaClass) {
  /** The events in the order PostgreSQL prints them. */
  public static final List<String> EVENTS = List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE");

  public Trigger {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(timing, "timing");
    events = EVENTS.stream().filter(Objects.requireNonNull(events, "events")::contains).toList();
    Objects.requireNonNull(forEach, "forEach");
    when = when == null || when.isBlank() ? null : when.strip();
    Objects.requireNonNull(javaClass, "javaClass");
  }

  /** The trigger on {@code table} instead (after a rename of its table). */
  public Trigger onTable(QualifiedName table) {
    return new Trigger(name, table, function, timing, events, forEach, when, javaClass);
  }

  /** Orders triggers by table, then name. */
  public static int compare(Trigger a, Trigger b) {
    int byTable = a.table.compareTo(b.table);
    return byTable != 0 ? byTable : a.name.compareTo(b.name);
  }
}
