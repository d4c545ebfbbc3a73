package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The sequence behind a serial or identity column. It lives in the column's table's schema.
 *
 * @param name the sequence name; for an identity column, null leaves it to PostgreSQL
 */
@JsonPropertyOrder({"name"})
public record Sequence(@JsonProperty("name") String name) {

  public static Sequence named(String name) {
    return new Sequence(name);
  }

  public Sequence withName(String newName) {
    return new Sequence(newName);
  }
}
