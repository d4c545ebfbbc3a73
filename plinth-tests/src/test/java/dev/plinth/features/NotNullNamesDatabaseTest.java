package dev.plinth.features;

import static dev.plinth.features.ModelScripts.assertCatalog;
import static dev.plinth.features.ModelScripts.execute;
import static dev.plinth.features.ModelScripts.migrate;
import static dev.plinth.features.ModelScripts.rollback;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Named NOT NULL constraints (PostgreSQL 18 and later, where the processor allows them with
 * {@code -Aplinth.postgres=18}): created with their names, renamed in place (also from the name
 * PostgreSQL chose), added with a name, and put back by the reverse scripts. Runs where the server
 * is PostgreSQL 18 or later ({@code -Ppg18}), and says so elsewhere.
 */
class NotNullNamesDatabaseTest {
  private static final QualifiedName ACCOUNT = new QualifiedName("public", "account");

  @Test
  void namedNotNullConstraintsAreCreatedRenamedAndPutBack() throws SQLException {
    TestDatabase db = SharedPostgres.newDatabase("not_null_names");
    try (Connection connection = db.connect()) {
      Assumptions.assumeTrue(connection.getMetaData().getDatabaseMajorVersion() >= 18,
          "skipped: NOT NULL constraints have names from PostgreSQL 18; this server is "
              + connection.getMetaData().getDatabaseProductVersion() + " (run with -Ppg18)");
      Schema v1 = schema("account_email_present", null, true, null);
      // The note's name is the one PostgreSQL would give, stated: also the name Plinth's NOT NULL
      // check would take while the column is made NOT NULL.
      Schema v2 = schema("email_given", "code_given", false, "account_note_not_null");

      migrate(connection, Schema.EMPTY, v1, "1");
      assertEquals("account_id_not_null account_email_present account_code_not_null", names(connection));
      execute(connection, "INSERT INTO account (id, email, code, note) VALUES (1, 'a', 'b', 'c')");

      List<Change> changes = migrate(connection, v1, v2, "2");
      assertEquals("account_id_not_null email_given code_given account_note_not_null", names(connection));

      rollback(connection, "2", v1, changes);
      assertCatalog(connection, v1);
      assertEquals("account_id_not_null account_email_present account_code_not_null", names(connection));
    }
  }

  private static Schema schema(String email, String code, boolean noteNullable, String note) {
    Table account = new Table(ACCOUNT, "app.Account", null, List.of(
        new Column("id", "bigint", null, false, null, Identity.NONE, null, null),
        new Column("email", "text", null, false, null, Identity.NONE, null, null, null, email),
        new Column("code", "text", null, false, null, Identity.NONE, null, null, null, code),
        new Column("note", "text", null, noteNullable, null, Identity.NONE, null, null, null, note)),
        new PrimaryKey("account_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
    return new Schema(List.of(account), List.of());
  }

  /** The NOT NULL constraints of the account table, in column order. */
  private static String names(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT string_agg(conname, ' ' ORDER BY conkey[1]) FROM pg_constraint"
            + " WHERE conrelid = 'account'::regclass AND contype = 'n'")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
