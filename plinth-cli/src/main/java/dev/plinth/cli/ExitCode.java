package dev.plinth.cli;

import dev.plinth.runner.Message;

/**
 * The exit codes of the {@code plinth} command; scripts may rely on them.
 *
 * <ul>
 *   <li>{@link #OK} 0: the command did what was asked.
 *   <li>{@link #ERROR} 1: an unexpected error (run again with {@code --verbose}).
 *   <li>{@link #USAGE} 2: wrong arguments or invalid configuration (URL, {@code .env}, locations).
 *   <li>{@link #CONNECTION} 3: the database cannot be reached, or the embedded server cannot start.
 *   <li>{@link #MIGRATION_FAILED} 4: a migration script or a reverse script failed.
 *   <li>{@link #DRIFT} 5: the live schema differs from the committed schema ({@code verify}).
 *   <li>{@link #INTEGRITY} 6: applied migrations differ from the files (edited or deleted after applying),
 *       files differ from {@code plinth.sum}, or a reverse script needed by rollback is missing or altered.
 * </ul>
 */
public enum ExitCode {
  OK(0),
  ERROR(1),
  USAGE(2),
  CONNECTION(3),
  MIGRATION_FAILED(4),
  DRIFT(5),
  INTEGRITY(6);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The exit code for a failure of the given kind. */
  public static ExitCode of(Message.Kind kind) {
    switch (kind) {
      case CONFIGURATION:
        return USAGE;
      case CONNECTION:
        return CONNECTION;
      case MIGRATION:
        return MIGRATION_FAILED;
      case INTEGRITY:
        return INTEGRITY;
      case INFO:
        return OK;
      default:
        return ERROR;
    }
  }
}
