package dev.plinth.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A strict step outside a transaction sets {@code lock_timeout} and {@code statement_timeout} for
 * its session; when it fails before its closing {@code RESET}, the runner resets them on the
 * connection that ran it, which an application's pool would hand out again.
 */
class SessionTimeoutsTest {
  private static final QualifiedName JOB = new QualifiedName("public", "job");
  private static final Column ID = new Column("id", "bigint", null, false, null, Identity.ALWAYS, null, null);
  private static final Column CODE = new Column("code", "text", null, false, null, Identity.NONE, null, null);

  @TempDir Path root;

  @Test
  void aFailedConcurrentStepLeavesNoTimeoutsOnItsConnection() throws SQLException, IOException {
    Path folder = GeneratedMigrations.writeStrict(root.resolve("db"), List.of(job(List.of()),
        job(List.of(new UniqueConstraint("job_code_key", List.of("code"))))));
    TestDatabase db = SharedPostgres.newDatabase("session_timeouts");
    KeptConnections pool = new KeptConnections(db.dataSource());
    RunnerConfig.Builder config = RunnerConfig.builder().locations("filesystem:" + folder.resolve("migration"));
    Plinth.create(pool, config.target("1").build()).migrate();
    Sql.execute(db, "INSERT INTO job (code) VALUES ('a'), ('a')");
    assertTrue(Files.readString(folder.resolve("migration/V2__step_2.sql")).contains("SET lock_timeout = '5s';"),
        "V2 sets the timeouts for its session");

    assertThrows(PlinthException.class, () -> Plinth.create(pool, config.target("2").build()).migrate());

    for (Connection connection : pool.handedOut) {
      assertEquals("0", show(connection, "lock_timeout"));
      assertEquals("0", show(connection, "statement_timeout"));
    }
    for (Connection connection : pool.handedOut) {
      connection.close();
    }
  }

  private static Schema job(List<UniqueConstraint> uniques) {
    return new Schema(List.of(new Table(JOB, "x.Job", null, List.of(ID, CODE),
        new PrimaryKey("job_pkey", List.of("id")), uniques, List.of(), List.of(), List.of(), null)), List.of());
  }

  private static String show(Connection connection, String setting) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** A pool's view of connections: closing one keeps its session open, to be handed out again. */
  private static final class KeptConnections implements DataSource {
    private final DataSource server;
    private final List<Connection> handedOut = new ArrayList<>();

    KeptConnections(DataSource server) {
      this.server = server;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection real = server.getConnection();
      handedOut.add(real);
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (method.getName().equals("close")) {
              return null;
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
