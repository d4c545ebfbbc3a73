package dev.plinth.schema.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.schema.diff.Change.AddCheck;
import dev.plinth.schema.diff.Change.AddForeignKey;
import dev.plinth.schema.diff.Change.AddIndex;
import dev.plinth.schema.diff.Change.AddPrimaryKey;
import dev.plinth.schema.diff.Change.AddUnique;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.CreateTable;
import dev.plinth.schema.diff.Change.DropCheck;
import dev.plinth.schema.diff.Change.DropIndex;
import dev.plinth.schema.diff.Change.DropUnique;
import dev.plinth.schema.diff.Change.ValidateConstraint;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which changes a strict plan validates in a migration of its own, and which it leaves alone. */
class StrictPlanTest {
  private static final QualifiedName T = QualifiedName.parse("t");
  private static final QualifiedName NEW = QualifiedName.parse("fresh");
  private static final Column LOOSE = new Column("c", "text", null, true, null, Identity.NONE, null, null);
  private static final Column TIGHT = new Column("c", "text", null, false, null, Identity.NONE, null, null);
  private static final CheckConstraint CHECK = new CheckConstraint("t_c_short", "length(c) < 9");
  private static final ForeignKey KEY = new ForeignKey("fresh_c_fkey", List.of("c"), T, List.of("c"),
      ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);

  private static List<MigrationPlan.Step> strict(Change... changes) {
    return MigrationPlan.split(List.of(changes), true);
  }

  @Test
  void aCheckOnAnExistingTableIsValidatedByTheNextStep() {
    assertEquals(List.of(
        new MigrationPlan.Step(List.of(new AddCheck(T, CHECK)), true),
        new MigrationPlan.Step(List.of(new ValidateConstraint(T, "t_c_short", false)), true)),
        strict(new AddCheck(T, CHECK)));
  }

  @Test
  void aColumnBecomesNotNullThroughACheckValidatedByTheNextStep() {
    CheckConstraint notNull = new CheckConstraint("t_c_not_null", "\"c\" IS NOT NULL");
    assertEquals(List.of(
        new MigrationPlan.Step(List.of(new AddCheck(T, notNull)), true),
        new MigrationPlan.Step(List.of(new ValidateConstraint(T, "t_c_not_null", false),
            new AlterColumn(T, LOOSE, TIGHT), new DropCheck(T, notNull)), true)),
        strict(new AlterColumn(T, LOOSE, TIGHT)));
  }

  @Test
  void aColumnThatJoinsANewPrimaryKeyBecomesNotNullAtOnce() {
    Change[] changes = {new AlterColumn(T, LOOSE, TIGHT), new AddPrimaryKey(T, new PrimaryKey("t_pkey", List.of("c")))};
    assertEquals(List.of(new MigrationPlan.Step(List.of(changes), true)), strict(changes));
  }

  @Test
  void aNewTableKeepsItsConstraintsInOneTransaction() {
    Table fresh = new Table(NEW, "x.Fresh", null, List.of(TIGHT), null, List.of(), List.of(), List.of(),
        List.of(), null);
    Change[] changes = {new CreateTable(fresh), new AddForeignKey(NEW, KEY)};
    assertEquals(List.of(new MigrationPlan.Step(List.of(changes), true)), strict(changes));
  }

  @Test
  void anIndexOnAnExistingTableIsBuiltAfterAndDroppedBeforeTheTransactionConcurrently() {
    Index old = new Index("t_c_idx", List.of(IndexKey.column("c")), false, "btree", null, List.of(), false);
    Index next = new Index("t_d_idx", List.of(IndexKey.column("d")), false, "btree", null, List.of(), false);
    assertEquals(List.of(
        new MigrationPlan.Step(List.of(new DropIndex(T, old, true)), false),
        new MigrationPlan.Step(List.of(new AddCheck(T, CHECK)), true),
        new MigrationPlan.Step(List.of(new ValidateConstraint(T, "t_c_short", false)), true),
        new MigrationPlan.Step(List.of(new AddIndex(T, next, true)), false)),
        strict(new DropIndex(T, old), new AddCheck(T, CHECK), new AddIndex(T, next)));
  }

  @Test
  void aUniqueConstraintOrPrimaryKeyOnAnExistingTableIsAttachedToAnIndexBuiltBeforeTheTransaction() {
    UniqueConstraint unique = new UniqueConstraint("t_c_key", List.of("c"));
    PrimaryKey key = new PrimaryKey("t_pkey", List.of("d"));
    assertEquals(List.of(
        new MigrationPlan.Step(List.of(new AddUnique(T, unique, true), new AddPrimaryKey(T, key, true)), false),
        new MigrationPlan.Step(List.of(new AddForeignKey(NEW, KEY)), true)),
        MigrationPlan.split(List.of(new AddUnique(T, unique), new AddPrimaryKey(T, key),
            new AddForeignKey(NEW, KEY)), true).subList(0, 2));
  }

  @Test
  void aConstraintOnAColumnTheMigrationChangesOrWhoseNameItDropsStaysInTheTransaction() {
    UniqueConstraint unique = new UniqueConstraint("t_c_key", List.of("c"));
    Change[] replaced = {new DropUnique(T, unique), new AddUnique(T, unique)};
    assertEquals(List.of(new MigrationPlan.Step(List.of(replaced), true)), strict(replaced));
    Change[] onNewColumn = {new Change.AddColumn(T, LOOSE), new AddUnique(T, unique)};
    assertEquals(List.of(new MigrationPlan.Step(List.of(onNewColumn), true)), strict(onNewColumn));
  }

  @Test
  void anIndexDroppedFromATableWhoseColumnsTheMigrationRenamesIsDroppedInTheTransactionAfterTheRename() {
    // Recorded with the new name: its reverse must be made before the rename is undone.
    Index renamed = new Index("t_c_idx", List.of(IndexKey.column("e")), false, "btree", null, List.of(), false);
    Change[] changes = {new Change.RenameColumn(T, "c", "e"), new DropIndex(T, renamed)};
    assertEquals(List.of(new MigrationPlan.Step(List.of(changes), true)), strict(changes));
  }

  @Test
  void theIndexesAndKeysOfATableWhoseSchemaTheMigrationRenamesStayInTheTransaction() {
    // The table is called by its schema's new name, which exists only once the rename has run.
    QualifiedName moved = QualifiedName.parse("renamed.t");
    Index old = new Index("t_c_idx", List.of(IndexKey.column("c")), false, "btree", null, List.of(), false);
    Index next = new Index("t_d_idx", List.of(IndexKey.column("d")), false, "btree", null, List.of(), false);
    Change[] changes = {new Change.RenameSchema("old", "renamed"), new DropIndex(moved, old),
        new AddUnique(moved, new UniqueConstraint("t_c_key", List.of("c"))),
        new AddPrimaryKey(moved, new PrimaryKey("t_pkey", List.of("d"))), new AddIndex(moved, next)};
    assertEquals(List.of(new MigrationPlan.Step(List.of(changes), true)), strict(changes));
  }

  @Test
  void aNewTableKeepsItsIndexesInOneTransaction() {
    Index index = new Index("fresh_c_idx", List.of(IndexKey.column("c")), false, "btree", null, List.of(),
        false);
    Table fresh = new Table(NEW, "x.Fresh", null, List.of(TIGHT), null, List.of(), List.of(), List.of(),
        List.of(), null);
    Change[] changes = {new CreateTable(fresh), new AddIndex(NEW, index)};
    assertEquals(List.of(new MigrationPlan.Step(List.of(changes), true)), strict(changes));
  }

  @Test
  void relaxedPlansValidateInTheSameStep() {
    assertEquals(List.of(new MigrationPlan.Step(List.of(new AddCheck(T, CHECK)), true)),
        MigrationPlan.split(List.of(new AddCheck(T, CHECK))));
  }
}
