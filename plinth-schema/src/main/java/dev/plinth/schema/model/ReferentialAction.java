package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A foreign key's action, as PostgreSQL spells it. */
public enum ReferentialAction {
  @JsonProperty("NO_ACTION")
  NO_ACTION("NO ACTION"),
  @JsonProperty("RESTRICT")
  RESTRICT("RESTRICT"),
  @JsonProperty("CASCADE")
  CASCADE("CASCADE"),
  @JsonProperty("SET_NULL")
  SET_NULL("SET NULL"),
  @JsonProperty("SET_DEFAULT")
  SET_DEFAULT("SET DEFAULT");

  private final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }

  public String sql() {
    return sql;
  }
}
