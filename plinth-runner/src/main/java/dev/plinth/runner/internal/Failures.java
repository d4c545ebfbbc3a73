package dev.plinth.runner.internal;

import dev.plinth.runner.Message;
import dev.plinth.runner.MigrationFailedException;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.config.DatabaseUrl;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns driver and Flyway exceptions into short catalogue messages. */
public final class Failures {

  private static final int MAX_STATEMENT = 240;

  private Failures() {}

  /** A failed connection attempt, mapped by SQL state and cause. */
  public static PlinthException connection(SQLException e, RunnerConfig config) {
    if (config.url().isEmpty()) {
      return new PlinthException(e, Message.DATA_SOURCE_FAILED, serverMessage(e),
          e.getSQLState() == null ? "unknown" : e.getSQLState());
    }
    DatabaseUrl url = config.url().get();
    String host = url.host();
    int port = url.port();
    String user = config.user().orElse(System.getProperty("user.name"));
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    switch (state) {
      case "28P01":
        return new PlinthException(e, Message.AUTHENTICATION_FAILED, host, port, user);
      case "28000":
        return new PlinthException(e, Message.AUTHORIZATION_FAILED, host, port, user, serverMessage(e));
      case "3D000":
        String db = url.database().isEmpty() ? user : url.database();
        return new PlinthException(e, Message.DATABASE_MISSING, db, host, port, host, port, user, db,
            quoteIdentifier(db), config.origin());
      default:
        break;
    }
    if (String.valueOf(e.getMessage()).contains("no password was provided")) {
      return new PlinthException(e, Message.PASSWORD_MISSING, host, port, user, config.origin());
    }
    if (hasCause(e, UnknownHostException.class)) {
      return new PlinthException(e, Message.UNKNOWN_HOST, host, config.origin());
    }
    if (hasCause(e, ConnectException.class) || hasCause(e, NoRouteToHostException.class)) {
      return new PlinthException(e, Message.CONNECTION_REFUSED, host, port, config.origin());
    }
    return new PlinthException(e, Message.CONNECTION_FAILED, host, port, serverMessage(e),
        state.isEmpty() ? "unknown" : state, config.origin());
  }

  /** Flyway's words for a target that no migration has. */
  private static final java.util.regex.Pattern MISSING_TARGET =
      java.util.regex.Pattern.compile("No migration with a target version (\\S+) could be found");

  /** A Flyway failure during a command; {@code version} reads the schema version after it. */
  public static PlinthException translate(FlywayException e, RunnerConfig config, Supplier<Optional<String>> version) {
    SQLException sql = find(e, SQLException.class);
    if (sql != null && isConnectionState(sql.getSQLState())) {
      return connection(sql, config);
    }
    if (e instanceof FlywayValidateException) {
      return new PlinthException(e, Message.VALIDATION_FAILED, validationDetails(e.getMessage()));
    }
    if (e instanceof FlywayMigrateException) {
      return migrationFailure((FlywayMigrateException) e, sql, version);
    }
    java.util.regex.Matcher target = MISSING_TARGET.matcher(String.valueOf(e.getMessage()));
    if (target.find()) {
      return new PlinthException(e, Message.TARGET_NOT_FOUND, target.group(1), String.join(", ", config.locations()));
    }
    return new PlinthException(e, Message.FLYWAY_ERROR, condense(e.getMessage()));
  }

  private static PlinthException migrationFailure(FlywayMigrateException e, SQLException sql,
      Supplier<Optional<String>> version) {
    FlywaySqlScriptException script = find(e, FlywaySqlScriptException.class);
    if (script == null && sql == null) {
      return new PlinthException(e, Message.MIGRATION_ERROR, condense(e.getMessage()));
    }
    String file = script != null && script.getResource() != null
        ? script.getResource().getFilename()
        : e.getMigration() == null ? "(unknown)" : e.getMigration().getScript();
    int line = script != null ? script.getLineNumber() : e.getLineNumber();
    String statement = script == null || script.getStatement() == null ? "(unknown)" : shorten(script.getStatement());
    String state = sql == null || sql.getSQLState() == null ? "unknown" : sql.getSQLState();
    String error = sql == null ? condense(e.getMessage()) : serverMessage(sql);
    boolean rolledBack = e.isExecutableInTransaction();
    var failure = new MigrationFailedException.Failure(file, line, statement, state, error, rolledBack, version.get());
    return new MigrationFailedException(e, failure);
  }

  private static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"));
  }

  /** The column the server's error is about, as {@code table.column}, when it says. */
  public static Optional<String> serverColumn(SQLException e) {
    if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
      ServerErrorMessage server = psql.getServerErrorMessage();
      if (server.getColumn() != null) {
        return Optional.of((server.getTable() == null ? "" : server.getTable() + ".") + server.getColumn());
      }
    }
    return Optional.empty();
  }

  /** Whether a failure is the connection going away (server stopped, network, killed backend). */
  public static boolean connectionLost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  /** The server's own error text, without {@code ERROR:} and position lines. */
  public static String serverMessage(SQLException e) {
    if (e instanceof PSQLException) {
      ServerErrorMessage server = ((PSQLException) e).getServerErrorMessage();
      if (server != null && server.getMessage() != null) {
        return server.getMessage();
      }
    }
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    text = text.lines().findFirst().orElse(text).strip();
    return text.startsWith("ERROR: ") ? text.substring("ERROR: ".length()) : text;
  }

  /** {@link #condense} of an exception's message. */
  public static String condenseMessage(Throwable e) {
    return condense(e.getMessage());
  }

  /** Flyway messages run over many lines with dashes and blank lines; keep the words. */
  static String condense(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.matches("-+")).limit(6).forEach(l -> {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(l);
    });
    return out.toString();
  }

  /**
   * Flyway's validation report without its advice: its flags ({@code -outOfOrder},
   * {@code -ignoreMigrationPatterns}) and {@code repair} are not how Plinth fixes this, and the CLI
   * has none of them.
   */
  private static String validationDetails(String message) {
    String details = String.join("; ", (message == null ? "" : message).lines()
        .map(l -> withoutFlywayAdvice(l.strip().replaceAll("\\s+", " ")))
        .filter(l -> !l.isEmpty() && !l.startsWith("Validate failed") && !l.startsWith("Either revert")
            && !l.startsWith("Need more flexibility") && !l.startsWith("Learn more") && !l.startsWith("http"))
        .limit(6).toList());
    return details.endsWith(".") ? details : details + ".";
  }

  /** A line of Flyway's without the sentences that advise Flyway's own flags or commands. */
  static String withoutFlywayAdvice(String line) {
    List<String> kept = new ArrayList<>();
    for (String sentence : line.split("(?<=\\.) ")) {
      String lower = sentence.toLowerCase(java.util.Locale.ROOT);
      if (!lower.contains("-ignoremigrationpatterns") && !lower.contains("-outoforder")
          && !lower.contains("ignoremigrationpatterns") && !lower.contains("outoforder")
          && !lower.contains("flyway repair") && !lower.contains("validateonmigrate")) {
        kept.add(sentence);
      }
    }
    return String.join(" ", kept).strip();
  }

  static String shorten(String statement) {
    String flat = statement.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_STATEMENT ? flat : flat.substring(0, MAX_STATEMENT - 3) + "...";
  }

  private static String quoteIdentifier(String name) {
    return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    return find(t, type) != null;
  }

  /** The first of {@code t} and its causes that is a {@code type}, or null. */
  public static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
