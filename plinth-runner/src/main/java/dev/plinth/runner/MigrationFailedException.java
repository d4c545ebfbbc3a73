package dev.plinth.runner;

import java.util.Optional;

/** A migration script failed; {@link #failure()} holds the essentials Flyway reported. */
public final class MigrationFailedException extends PlinthException {

  private static final long serialVersionUID = 1L;

  private final transient Failure failure;

  public MigrationFailedException(Throwable cause, Failure failure) {
    this(cause, failure, false);
  }

  /**
   * @param resumable whether the script, when it ran outside a transaction, is written to be run
   *     again after a failure (the message then says so)
   */
  public MigrationFailedException(Throwable cause, Failure failure, boolean resumable) {
    super(cause, Message.MIGRATION_FAILED, failure.script(), failure.line(), failure.error(), failure.sqlState(),
        failure.statement(), advice(failure, resumable));
    this.failure = failure;
  }

  /** What to do next: it depends on whether the script ran in a transaction, and on what failed. */
  private static String advice(Failure failure, boolean resumable) {
    String version = failure.schemaVersion().orElse("none (empty)");
    if (failure.rolledBack() && failure.statement().contains(" VALIDATE CONSTRAINT ")) {
      return Message.MIGRATION_VALIDATION_FAILED.text(version);
    }
    return failure.rolledBack() ? Message.MIGRATION_ROLLED_BACK.text(version)
        : resumable ? Message.MIGRATION_RESUMABLE.text() : Message.MIGRATION_NOT_ROLLED_BACK.text();
  }

  public Failure failure() {
    return failure;
  }

  /**
   * What went wrong in which script.
   *
   * @param script the file name, e.g. {@code V2__add_orders.sql}
   * @param line the line in the script where the failing statement starts, or 0 if unknown
   * @param statement the failing statement, whitespace collapsed, possibly shortened
   * @param sqlState the PostgreSQL SQL state, e.g. {@code 42601}
   * @param error the database's error text without its {@code ERROR:} prefix
   * @param rolledBack whether the script's transaction was rolled back
   * @param schemaVersion the schema version after the failure, if any migration is applied
   */
  public record Failure(String script, int line, String statement, String sqlState, String error,
      boolean rolledBack, Optional<String> schemaVersion) {}
}
