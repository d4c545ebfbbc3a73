package dev.plinth.schema.journal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A migration that a newer one stands for, as Flyway's history recorded it when it was applied: a
 * migration folded into a squashed one ({@code plinth squash}), or a hand-written Flyway migration
 * of a database that Plinth adopted ({@code plinth pull}). A database whose history has this row
 * with this checksum is valid although the file is gone or now holds other SQL.
 *
 * @param version the version, as Flyway writes it ({@code "2"}, {@code "1.1"})
 * @param script the file name it had ({@code V2__add_orders.sql})
 * @param checksum Flyway's checksum of that file, or null where the history has none
 */
@JsonPropertyOrder({"version", "script", "checksum"})
public record ReplacedMigration(
    @JsonProperty("version") String version,
    @JsonProperty("script") String script,
    @JsonProperty("checksum") Integer checksum) {
  public ReplacedMigration {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(script, "script");
  }
}
