package dev.plinth.schema.diff;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * What a column that becomes NOT NULL gives the rows holding NULL ({@code @Backfill}): the SQL
 * {@code expression}, and the row {@code key} (the table's primary key) by which the migration
 * keeps those rows in its backup, so that the reverse sets exactly them back to NULL.
 *
 * <p>Part of the committed journal format, as the optional {@code "backfill"} of an
 * {@link Change.AlterColumn}.
 */
@JsonPropertyOrder({"expression", "key"})
public record Backfill(
    @JsonProperty("expression") String expression,
    @JsonProperty("key") List<String> key) {
  public Backfill {
    Objects.requireNonNull(expression, "expression");
    key = List.copyOf(key);
  }
}
