package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * When a deferrable key is checked by default: at the end of each statement ({@code IMMEDIATE}) or
 * at commit ({@code DEFERRED}); a transaction may change it with {@code SET CONSTRAINTS}. A key
 * that is not deferrable has none (null).
 */
public enum Deferral {
  @JsonProperty("IMMEDIATE")
  IMMEDIATE("DEFERRABLE"),
  @JsonProperty("DEFERRED")
  DEFERRED("DEFERRABLE INITIALLY DEFERRED");

  private final String sql;

  Deferral(String sql) {
    this.sql = sql;
  }

  /** The constraint attributes, as in {@code DEFERRABLE INITIALLY DEFERRED}. */
  public String sql() {
    return sql;
  }

  /** The attributes after a key's definition: empty when {@code deferral} is null. */
  public static String clause(Deferral deferral) {
    return deferral == null ? "" : " " + deferral.sql();
  }
}
