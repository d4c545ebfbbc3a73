package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.render.MigrationScript;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Namespace;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the random evolutions, on a real PostgreSQL: a table renamed in a schema renamed in the
 * same compile, its rename hint naming the schema's old name, is renamed with its rows (not dropped
 * and created empty under the references to it); and checks comparing with a negative number, which
 * PostgreSQL spells {@code '-1000'::integer}, read back as the model states them.
 */
class RenameHintsDatabaseTest {
  private static final QualifiedName INVOICE = new QualifiedName("billing", "invoice");
  private static final QualifiedName BILL = new QualifiedName("accounts", "bill");
  private static final QualifiedName PAYMENT = new QualifiedName("public", "payment");

  @Test
  void aTableRenamedInASchemaRenamedInTheSameCompileKeepsItsRowsAndReferences() throws Exception {
    Schema before = Schema.EMPTY.withTable(invoice(INVOICE, null)).withTable(payment(INVOICE));
    Schema after = Schema.EMPTY.withDeclared(new Namespace("accounts", "shop.billing", null, "billing"))
        .withTable(invoice(BILL, "billing.invoice")).withTable(payment(BILL));
    SharedPostgres.TestDatabase db = SharedPostgres.newDatabase("rename_hints_schema");
    try (Connection connection = db.connect()) {
      ModelScripts.migrate(connection, Schema.EMPTY, before, "1");
      ModelScripts.execute(connection, "INSERT INTO billing.invoice VALUES (1, 'a'), (2, 'b');"
          + " INSERT INTO payment VALUES (10, 2)");

      List<Change> changes = SchemaDiff.diff(before, after);
      ModelScripts.execute(connection, MigrationScript.forward("2", before, changes, "5s", true, false));
      // The catalog holds no declarations: the model's, but for that of the schema.
      ModelScripts.assertCatalog(connection,
          Schema.EMPTY.withTable(invoice(BILL, null)).withTable(payment(BILL)));
      assertEquals(List.of(new Change.RenameSchema("billing", "accounts"), new Change.RenameTable(
          new QualifiedName("accounts", "invoice"), BILL)), changes.stream()
          .filter(c -> c instanceof Change.RenameSchema || c instanceof Change.RenameTable
              || c instanceof Change.DropTable || c instanceof Change.CreateTable).toList(),
          "renamed, not dropped and created");
      assertEquals("1 a,2 b", query(connection, "SELECT string_agg(id || ' ' || note, ',' ORDER BY id) FROM accounts.bill"));
      assertEquals("accounts.bill", query(connection, "SELECT confrelid::regclass::text FROM pg_constraint"
          + " WHERE conname = 'payment_invoice_id_fkey'"), "the foreign key follows the table");

      ModelScripts.rollback(connection, "2", before, changes);
      ModelScripts.assertCatalog(connection, before);
      assertEquals("1 a,2 b", query(connection, "SELECT string_agg(id || ' ' || note, ',' ORDER BY id) FROM billing.invoice"));
    }
  }

  @Test
  void checksComparingWithANegativeNumberReadBackAsTheModelStatesThem() throws Exception {
    Domain balance = new Domain(new QualifiedName("public", "balance"), "shop.Domains", "integer", false, null,
        List.of(new CheckConstraint("balance_floor", "VALUE > -1000")), null, null, null);
    Table account = new Table(new QualifiedName("public", "account"), "shop.Account", null, List.of(
        column("id", "bigint", false), column("balance", balance.columnType(), true),
        column("rate", "numeric", true)), new PrimaryKey("account_pkey", List.of("id")), List.of(),
        List.of(new CheckConstraint("account_rate_check", "rate >= -2.5")), List.of(), List.of(), null);
    Schema schema = Schema.EMPTY.withDomain(balance).withTable(account);
    SharedPostgres.TestDatabase db = SharedPostgres.newDatabase("rename_hints_negative");
    try (Connection connection = db.connect()) {
      // ModelScripts compares the catalog with the model, by verify's comparison and by the differ's.
      ModelScripts.migrate(connection, Schema.EMPTY, schema, "1");
      assertEquals("CHECK ((VALUE > '-1000'::integer))", query(connection,
          "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'balance_floor'"),
          "PostgreSQL spells the negative number as a quoted literal");
    }
  }

  private static Table invoice(QualifiedName name, String renamedFrom) {
    return new Table(name, "shop.billing.Invoice", null, List.of(column("id", "bigint", false),
        column("note", "text", false)), new PrimaryKey("invoice_pkey", List.of("id")), List.of(), List.of(),
        List.of(), List.of(), renamedFrom);
  }

  private static Table payment(QualifiedName invoice) {
    return new Table(PAYMENT, "shop.Payment", null, List.of(column("id", "bigint", false),
        column("invoice_id", "bigint", false)), new PrimaryKey("payment_pkey", List.of("id")), List.of(), List.of(),
        List.of(), List.of(new ForeignKey("payment_invoice_id_fkey", List.of("invoice_id"), invoice, List.of("id"),
            ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)), null);
  }

  private static Column column(String name, String type, boolean nullable) {
    return new Column(name, type, null, nullable, null, Identity.NONE, null, null);
  }
}
