package dev.plinth.runner.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timeouts a generated script outside a transaction sets for its session
 * ({@code SET lock_timeout}, {@code SET statement_timeout}; a strict plan's concurrent index
 * steps) and resets at its end. When such a script fails before its end, they are reset here, on
 * the connection that ran it: that connection may go back to an application's pool, whose later
 * work must not inherit a migration's timeouts. {@code RESET} returns each to the session's
 * default (the server's, the role's or the connection's startup setting).
 */
public final class SessionTimeouts implements Callback {
  private static final Logger LOG = LoggerFactory.getLogger(SessionTimeouts.class);
  private static final String RESET = "RESET lock_timeout; RESET statement_timeout";

  private final MigrationResources resources;

  public SessionTimeouts(MigrationResources resources) {
    this.resources = resources;
  }

  /** Resets the timeouts on {@code connection}, which runs outside a transaction. */
  public static void reset(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(RESET);
    }
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_EACH_MIGRATE_ERROR;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  /**
   * After a failed script outside a transaction. A reset that fails (the connection is lost, say)
   * is logged, not thrown: the migration's own failure is the one to report.
   */
  @Override
  public void handle(Event event, Context context) {
    String script = context.getMigrationInfo() == null ? null : context.getMigrationInfo().getScript();
    if (script == null || !resources.nonTransactional(script)) {
      return;
    }
    try {
      reset(context.getConnection());
    } catch (SQLException e) {
      LOG.warn("Could not reset lock_timeout and statement_timeout after {} failed: {}", script, e.getMessage());
    }
  }

  @Override
  public String getCallbackName() {
    return "plinth-session-timeouts";
  }
}
