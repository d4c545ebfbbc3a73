package dev.plinth.schema.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Grant;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Policy;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Role;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.TableSecurity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The differ on row-level security: policies altered in place where PostgreSQL allows it, else
 * dropped and created; dropped and created around a column retype; roles created and kept.
 */
class SecurityChangesTest {
  private static final QualifiedName T = QualifiedName.parse("note");
  private static final Column ID = new Column("id", "bigint", null, false, null, Identity.NONE, null, null);
  private static final Column OWNER = new Column("owner", "text", null, false, null, Identity.NONE, null, null);
  private static final Role READER = new Role("reader", false, "app");
  private static final Policy OWN = new Policy("own", "ALL", true, List.of("reader"),
      "owner = current_user", null, null);

  private static Schema schema(List<Role> roles, Column owner, Policy... policies) {
    Table table = new Table(T, "app.Note", null, List.of(ID, owner), new PrimaryKey("note_pkey",
        List.of("id")), List.of(), List.of(), List.of(), List.of(), null,
        new TableSecurity(true, false, List.of(policies),
            List.of(new Grant("reader", List.of("SELECT")))), null);
    return new Schema(List.of(table), List.of(), List.of()).withRoles(roles);
  }

  private static List<String> ops(List<Change> changes) {
    return changes.stream().map(c -> c.getClass().getSimpleName()).toList();
  }

  private static List<Change> diffAndApply(Schema before, Schema after) {
    List<Change> changes = SchemaDiff.diff(before, after);
    assertEquals(Canonical.schema(after), Canonical.schema(Changes.apply(before, changes)),
        "the changes give the schema after");
    List<Change> reverse = new java.util.ArrayList<>(changes.stream().map(Change::inverse).toList());
    java.util.Collections.reverse(reverse);
    assertEquals(Canonical.schema(before), Canonical.schema(Changes.apply(after, reverse)),
        "and their inverses the one before");
    return changes;
  }

  @Test
  void aNewTableGetsItsRoleFirstThenItsPoliciesRowSecurityAndGrants() {
    assertEquals(List.of("CreateRole", "CreateTable", "CreatePolicy", "SetRowSecurity", "ChangeGrant"),
        ops(diffAndApply(Schema.EMPTY, schema(List.of(READER), OWNER, OWN))));
  }

  @Test
  void newExpressionsOrRolesAlterThePolicyAndANewCommandReplacesIt() {
    Policy narrower = new Policy("own", "ALL", true, List.of(), "owner = current_user AND id > 0",
        null, null);
    Policy selectOnly = new Policy("own", "SELECT", true, List.of("reader"), "owner = current_user",
        null, null);
    assertEquals(List.of("AlterPolicy"), ops(diffAndApply(schema(List.of(READER), OWNER, OWN),
        schema(List.of(READER), OWNER, narrower))));
    assertEquals(List.of("DropPolicy", "CreatePolicy"), ops(diffAndApply(
        schema(List.of(READER), OWNER, OWN), schema(List.of(READER), OWNER, selectOnly))));
    assertEquals(List.of(), ops(diffAndApply(schema(List.of(READER), OWNER, OWN), schema(
        List.of(READER), OWNER, OWN.withExpressions("(owner = CURRENT_USER)", null)))),
        "PostgreSQL's spelling of the same expression is no change");
  }

  @Test
  void aRetypedColumnHasThePoliciesOfItsTableDroppedBeforeAndCreatedAfter() {
    Column wider = new Column("owner", "character varying(80)", null, false, null, Identity.NONE,
        null, null);
    assertEquals(List.of("DropPolicy", "AlterColumn", "CreatePolicy"), ops(diffAndApply(
        schema(List.of(READER), OWNER, OWN), schema(List.of(READER), wider, OWN))));
  }

  @Test
  void aRenamedColumnIsFollowedByThePolicyAndARenamedPolicyIsRenamed() {
    Column author = OWNER.withName("author").withRenamedFrom("owner");
    Policy renamed = new Policy("own_rows", "ALL", true, List.of("reader"), "author = current_user",
        null, "own");
    assertEquals(List.of("RenameColumn", "RenamePolicy"), ops(diffAndApply(
        schema(List.of(READER), OWNER, OWN), schema(List.of(READER), author, renamed))));
  }

  @Test
  void aRoleNoLongerDeclaredIsKeptLast() {
    Role other = new Role("other", false, "app");
    assertEquals(List.of("KeepRole"), ops(diffAndApply(schema(List.of(READER, other), OWNER, OWN),
        schema(List.of(READER), OWNER, OWN))));
  }
}
