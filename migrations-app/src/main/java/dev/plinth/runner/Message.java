package dev.plinth.runner;

import java.util.Locale;

/**
 * Every message Plinth's runner shows to a user, with a stable id.
 *
 * <p>Each text says what is wrong and what to do about it. Texts never contain a password: callers
 * pass URLs without credentials and user names only.
 */
public enum Message {

  // Configuration (exit code USAGE)
  URL_INVALID("PLN-100", Kind.CONFIGURATION,
      "%s is not a PostgreSQL URL: %s. Set it to jdbc:postgresql://host:5432/database"
          + " or postgres://user@host:5432/database."),
  URL_BAD_PORT("PLN-101", Kind.CONFIGURATION,
      "%s has an invalid port '%s'. Use a number between 1 and 65535, e.g. postgres://user@localhost:5432/app."),
  URL_NO_HOST("PLN-102", Kind.CONFIGURATION,
      "%s has no host name. Use e.g. postgres://user@localhost:5432/app."),
  DOTENV_BAD_LINE("PLN-103", Kind.CONFIGURATION,
      "Line %d of %s is not KEY=VALUE. Fix or remove it (comments start with #)."),
  DOTENV_UNREADABLE("PLN-104", Kind.CONFIGURATION,
      "Cannot read %s: %s. Fix its permissions or remove it."),
  LOCATION_INVALID("PLN-105", Kind.CONFIGURATION,
      "Migration location '%s' is not valid. Use classpath:db/migration or filesystem:path/to/db/migration."),
  LOCATION_MISSING("PLN-106", Kind.CONFIGURATION,
      "Migration location '%s' does not exist. Create it, or point --locations at the folder holding V1__*.sql."),
  TARGET_INVALID("PLN-107", Kind.CONFIGURATION,
      "Target '%s' is not a migration version. Use a version such as 3 or 1.2, or 'latest'."),

  // Connection (exit code CONNECTION)
  CONNECTION_REFUSED("PLN-200", Kind.CONNECTION,
      "Cannot connect to PostgreSQL at %s:%d: connection refused. Is the server running and listening on that port?"
          + " Check the host and port in %s."),
  UNKNOWN_HOST("PLN-201", Kind.CONNECTION,
      "Cannot connect to PostgreSQL: unknown host '%s'. Check the host name in %s."),
  AUTHENTICATION_FAILED("PLN-202", Kind.CONNECTION,
      "PostgreSQL at %s:%d rejected the password for user '%s'. Check the user and password"
          + " (--user/--password, DATABASE_USER/DATABASE_PASSWORD or the URL)."),
  AUTHORIZATION_FAILED("PLN-203", Kind.CONNECTION,
      "PostgreSQL at %s:%d refused user '%s': %s. Check that the role exists and that pg_hba.conf allows it."),
  DATABASE_MISSING("PLN-204", Kind.CONNECTION,
      "Database '%s' does not exist on %s:%d. Create it (createdb -h %s -p %d -U %s %s, or CREATE DATABASE %s;)"
          + " or fix the database name in %s."),
  CONNECTION_FAILED("PLN-205", Kind.CONNECTION,
      "Cannot connect to PostgreSQL at %s:%d: %s (SQL state %s). Check %s and that the server is reachable."),
  EMBEDDED_PORT_IN_USE("PLN-210", Kind.CONNECTION,
      "Cannot start the embedded PostgreSQL: port %d is already in use. Stop the program using it"
          + " (maybe an earlier embedded server) or choose another port with --embedded-port."),
  EMBEDDED_DATA_IN_USE("PLN-211", Kind.CONNECTION,
      "Cannot start the embedded PostgreSQL: its data directory %s is in use by another Plinth process."
          + " Wait for it to finish, or set DATABASE_URL to use another database."),
  EMBEDDED_START_FAILED("PLN-212", Kind.CONNECTION,
      "Cannot start the embedded PostgreSQL (data directory %s): %s. Delete the directory to start from scratch"
          + " (its data is lost), or set DATABASE_URL to use another database."),
  EMBEDDED_ROOT_UNSUPPORTED("PLN-213", Kind.CONNECTION,
      "Cannot start the embedded PostgreSQL as root (%s): PostgreSQL refuses to run as root, and user namespaces"
          + " (unshare -U), which would avoid that, are not available here. Run Plinth as an ordinary user,"
          + " or set DATABASE_URL."),

  // Migrations (exit code MIGRATION_FAILED)
  MIGRATION_FAILED("PLN-300", Kind.MIGRATION,
      "Migration %s failed at line %d: %s (SQL state %s).%n  Statement: %s%n  %s"),
  MIGRATION_ROLLED_BACK("PLN-301", Kind.MIGRATION,
      "Its transaction was rolled back; the schema is still at version %s. Fix the file and run migrate again."),
  MIGRATION_NOT_ROLLED_BACK("PLN-302", Kind.MIGRATION,
      "It did not run in a transaction, so part of it may have been applied; check the database before retrying."),
  MIGRATION_ERROR("PLN-303", Kind.MIGRATION,
      "Migration failed: %s"),

  // Integrity (exit code INTEGRITY)
  VALIDATION_FAILED("PLN-400", Kind.INTEGRITY,
      "The migrations applied to the database do not match the migration files: %s"
          + " Restore the changed or deleted files; a migration must never change after it was applied."),

  // Anything else (exit code ERROR)
  FLYWAY_ERROR("PLN-900", Kind.ERROR, "%s"),
  UNEXPECTED("PLN-901", Kind.ERROR,
      "Unexpected error: %s. Run again with --verbose to see the details, and report it if it persists."),

  // Informational lines (not errors); shown without their id
  EMBEDDED_STARTED("PLN-001", Kind.INFO,
      "Embedded PostgreSQL on port %d, data in %s (kept between runs). While it runs, connect with %s"
          + " or: psql -h localhost -p %d -U postgres postgres"),
  MIGRATION_APPLIED("PLN-010", Kind.INFO, "Applied V%s %s (%d ms)"),
  MIGRATE_SUMMARY("PLN-011", Kind.INFO, "Applied %d migration%s in %d ms; schema now at version %s."),
  MIGRATE_NOTHING("PLN-012", Kind.INFO, "Nothing to apply; schema is at version %s."),
  DRY_RUN_HEADER("PLN-013", Kind.INFO,
      "-- Dry run: %d pending migration%s; schema is at version %s. Nothing was changed."),
  DRY_RUN_SCRIPT("PLN-014", Kind.INFO, "-- %s (version %s: %s)"),
  DRY_RUN_NOTHING("PLN-015", Kind.INFO, "-- Dry run: nothing to apply; schema is at version %s."),
  INFO_SCHEMA_VERSION("PLN-016", Kind.INFO, "Schema version: %s"),
  INFO_NO_MIGRATIONS("PLN-017", Kind.INFO, "No migrations found in %s."),
  NO_VERSION("PLN-018", Kind.INFO, "none"),
  ;

  /** What kind of problem a message reports; the CLI derives its exit code from it. */
  public enum Kind { INFO, CONFIGURATION, CONNECTION, MIGRATION, INTEGRITY, ERROR }

  private final String id;
  private final Kind kind;
  private final String template;

  Message(String id, Kind kind, String template) {
    this.id = id;
    this.kind = kind;
    this.template = template;
  }

  public String id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  /** The text without its id, formatted the same way on every machine. */
  public String text(Object... args) {
    return String.format(Locale.ROOT, template, args);
  }

  /** The text prefixed with its id, e.g. {@code [PLN-204] Database 'app' does not exist ...}. */
  public String format(Object... args) {
    return "[" + id + "] " + text(args);
  }
}
