package dev.plinth.runner.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A login role on the shared test server that must give its password. zonky's cluster trusts
 * every local connection, so this prepends pg_hba.conf lines requiring scram for this role only.
 */
public final class PasswordRole {

  public static final String NAME = "plinth_pw";
  public static final String PASSWORD = "Corr3ct-Horse-Battery";

  private static boolean created;

  private PasswordRole() {}

  /** Creates the role once per JVM and waits until the server enforces its password. */
  public static synchronized void ensure() {
    if (created) {
      return;
    }
    try (Connection admin = SharedPostgres.server().getPostgresDatabase().getConnection();
        Statement st = admin.createStatement()) {
      st.execute("CREATE ROLE " + NAME + " LOGIN PASSWORD '" + PASSWORD + "'");
      Path hba;
      try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
        rs.next();
        hba = Path.of(rs.getString(1));
      }
      String rules = "host all " + NAME + " 127.0.0.1/32 scram-sha-256\n"
          + "host all " + NAME + " ::1/128 scram-sha-256\n";
      Files.writeString(hba, rules + Files.readString(hba, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      st.execute("SELECT pg_reload_conf()");
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot set up the password role", e);
    }
    // The reload is asynchronous: poll until a wrong password is refused (bounded, no fixed sleep).
    for (int attempt = 0; attempt < 200 && acceptsWrongPassword(); attempt++) {
      Thread.onSpinWait();
    }
    if (acceptsWrongPassword()) {
      throw new IllegalStateException("the server still accepts any password for " + NAME);
    }
    created = true;
  }

  private static boolean acceptsWrongPassword() {
    Properties props = new Properties();
    props.setProperty("user", NAME);
    props.setProperty("password", "wrong");
    String url = "jdbc:postgresql://localhost:" + SharedPostgres.server().getPort() + "/postgres";
    try (Connection ignored = DriverManager.getConnection(url, props)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
