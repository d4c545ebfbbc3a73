package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AddCheck;
import dev.plinth.schema.diff.Change.AddColumn;
import dev.plinth.schema.diff.Change.AddEnumValue;
import dev.plinth.schema.diff.Change.AddIndex;
import dev.plinth.schema.diff.Change.AddPrimaryKey;
import dev.plinth.schema.diff.Change.AddUnique;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.CreateTable;
import dev.plinth.schema.diff.Change.DropIndex;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Splits one schema change into migrations: work that PostgreSQL cannot do inside a transaction
 * ({@code CREATE/DROP INDEX CONCURRENTLY}) gets migrations of its own, before (drops) and after
 * (creates) the transactional one; so do enum values that are added and used in the same change
 * (a value added in a transaction cannot be used before it commits). A strict plan
 * ({@link #split(List, boolean)}) also validates the constraints added to existing tables in a
 * migration of its own, after the one that adds them ({@link SeparateValidation}), builds and drops
 * their indexes concurrently, and attaches their new unique constraints and primary keys to unique
 * indexes built concurrently in the migration before the transactional one
 * ({@link ConcurrentIndexes}).
 */
public final class MigrationPlan {
  /** The changes of one migration and whether it runs in a transaction. */
  public record Step(List<Change> changes, boolean transactional) {
    public Step {
      changes = List.copyOf(changes);
    }

    /**
     * Whether its scripts are written to be run again after a failure: those outside a transaction,
     * where a failure can leave part of the work done.
     */
    public boolean resumable() {
      return !transactional;
    }

    /** Whether it validates constraints that an earlier step added: it may scan large tables. */
    public boolean validates() {
      return changes.stream().anyMatch(c -> c instanceof Change.ValidateConstraint v && !v.undo());
    }

    /** Whether it builds indexes concurrently (for unique constraints too): it scans their tables. */
    public boolean buildsIndexes() {
      return changes.stream().anyMatch(c -> c instanceof AddIndex a && a.concurrently()
          || c instanceof AddUnique u && u.usingIndex() || c instanceof AddPrimaryKey p && p.usingIndex());
    }
  }

  private MigrationPlan() {}

  /** The relaxed plan: constraints are validated in the migration that adds them. */
  public static List<Step> split(List<Change> changes) {
    return split(changes, false);
  }

  /**
   * The plan of {@code changes}; with {@code strict}, constraints added to existing tables, NOT NULL
   * included, are validated by a transactional migration of its own, and their indexes are built
   * and dropped {@code CONCURRENTLY} outside a transaction, unique constraints and primary keys
   * attached to such an index ({@link ConcurrentIndexes}).
   */
  public static List<Step> split(List<Change> planned, boolean strict) {
    return split(Schema.EMPTY, planned, strict);
  }

  /**
   * The plan of {@code planned}, changes to {@code before}: as {@link #split(List, boolean)}, where
   * the strict plan also detaches partitions {@code CONCURRENTLY} outside a transaction, and leaves
   * the indexes of partitioned tables in it (PostgreSQL builds those on each partition, and not
   * concurrently).
   */
  public static List<Step> split(Schema before, List<Change> planned, boolean strict) {
    List<Change> changes = strict ? ConcurrentIndexes.mark(before, planned) : planned;
    List<Change> usedValues = new ArrayList<>();
    for (Change change : changes) {
      if (change instanceof AddEnumValue added
          && (usedElsewhere(changes, "'" + added.value().replace("'", "''") + "'")
              || takesBackValuesOf(changes, added.after().name()))) {
        usedValues.add(change);
      }
    }
    List<Change> concurrentFirst = new ArrayList<>();
    List<Change> transactional = new ArrayList<>();
    List<Change> concurrentAdds = new ArrayList<>();
    for (Change change : changes) {
      if (usedValues.contains(change)) {
        continue;
      } else if (change instanceof DropIndex d && d.concurrently()
          || change instanceof Change.DetachPartition p && p.concurrent()
          || change instanceof AddUnique u && u.usingIndex()
          || change instanceof AddPrimaryKey p && p.usingIndex()) {
        concurrentFirst.add(change);
      } else if (change instanceof AddIndex a && a.concurrently()) {
        concurrentAdds.add(change);
      } else {
        transactional.add(change);
      }
    }
    List<Step> steps = new ArrayList<>();
    if (!usedValues.isEmpty()) {
      // Views (and triggers with a condition) come off first, with the values: the reverse of
      // adding a value rebuilds the type, which the views over its columns would block.
      List<Change> first = new ArrayList<>(leadingViewDrops(changes));
      transactional.removeAll(first);
      first.addAll(usedValues);
      steps.add(new Step(first, false));
    }
    SeparateValidation.Split split = strict ? SeparateValidation.split(transactional)
        : new SeparateValidation.Split(transactional, List.of());
    if (!concurrentFirst.isEmpty()) {
      steps.add(new Step(concurrentFirst, false));
    }
    if (!split.add().isEmpty()) {
      steps.add(new Step(split.add(), true));
    }
    if (!split.validate().isEmpty()) {
      steps.add(new Step(split.validate(), true));
    }
    if (!concurrentAdds.isEmpty()) {
      steps.add(new Step(concurrentAdds, false));
    }
    return steps;
  }

  /**
   * The views and triggers the changes drop before anything else (see {@link ViewChanges},
   * {@link RoutineChanges}).
   */
  private static List<Change> leadingViewDrops(List<Change> changes) {
    List<Change> drops = new ArrayList<>();
    for (Change change : changes) {
      if (!(change instanceof Change.DropView || change instanceof Change.DropTrigger)) {
        break;
      }
      drops.add(change);
    }
    return drops;
  }

  /**
   * Whether a change takes back values of the enum type that rolling this migration back kept (a
   * table or column it creates): they may hold the value being added.
   */
  private static boolean takesBackValuesOf(List<Change> changes, QualifiedName type) {
    for (Change change : changes) {
      if (change instanceof CreateTable c && c.keptByRollback()
          && c.table().columns().stream().anyMatch(column -> type.equals(column.enumType()))) {
        return true;
      }
      if (change instanceof AddColumn c && c.keptByRollback() && type.equals(c.column().enumType())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a change other than adding the value writes {@code literal} into the schema. */
  private static boolean usedElsewhere(List<Change> changes, String literal) {
    return changes.stream().flatMap(change -> change.accept(WRITTEN_SQL).stream())
        .anyMatch(sql -> sql.contains(literal));
  }

  private static final WrittenSql WRITTEN_SQL = new WrittenSql();

  /**
   * The SQL expressions a change writes into the schema (defaults, checks, index keys and
   * predicates), where a newly added enum value can be used.
   */
  private static final class WrittenSql implements Change.Visitor<List<String>> {
    private static List<String> present(Stream<String> expressions) {
      return expressions.filter(Objects::nonNull).toList();
    }

    public List<String> visitCreateTable(CreateTable c) {
      return present(Stream.concat(c.table().columns().stream().map(Column::defaultSql),
          c.table().checks().stream().map(CheckConstraint::expression)));
    }

    public List<String> visitAddColumn(AddColumn c) {
      return present(Stream.of(c.column().defaultSql()));
    }

    public List<String> visitAlterColumn(AlterColumn c) {
      return present(Stream.of(c.after().defaultSql()));
    }

    public List<String> visitAddCheck(AddCheck c) {
      return present(Stream.of(c.check().expression()));
    }

    public List<String> visitAddIndex(AddIndex c) {
      return present(Stream.concat(Stream.of(c.index().where()),
          c.index().keys().stream().map(IndexKey::expression)));
    }

    public List<String> visitCreateSchema(Change.CreateSchema c) {
      return List.of();
    }

    public List<String> visitRenameSchema(Change.RenameSchema c) {
      return List.of();
    }

    public List<String> visitAlterSchema(Change.AlterSchema c) {
      return List.of();
    }

    public List<String> visitDropSchema(Change.DropSchema c) {
      return List.of();
    }

    public List<String> visitCreateExtension(Change.CreateExtension c) {
      return List.of();
    }

    public List<String> visitDropExtension(Change.DropExtension c) {
      return List.of();
    }

    public List<String> visitCreateEnum(Change.CreateEnum c) {
      return List.of();
    }

    public List<String> visitDropEnum(Change.DropEnum c) {
      return List.of();
    }

    public List<String> visitDropTable(Change.DropTable c) {
      return List.of();
    }

    public List<String> visitRenameTable(Change.RenameTable c) {
      return List.of();
    }

    public List<String> visitDropColumn(Change.DropColumn c) {
      return List.of();
    }

    public List<String> visitRenameColumn(Change.RenameColumn c) {
      return List.of();
    }

    public List<String> visitAddPrimaryKey(Change.AddPrimaryKey c) {
      return List.of();
    }

    public List<String> visitDropPrimaryKey(Change.DropPrimaryKey c) {
      return List.of();
    }

    public List<String> visitAddUnique(Change.AddUnique c) {
      return List.of();
    }

    public List<String> visitDropUnique(Change.DropUnique c) {
      return List.of();
    }

    public List<String> visitDropCheck(Change.DropCheck c) {
      return List.of();
    }

    public List<String> visitDropIndex(Change.DropIndex c) {
      return List.of();
    }

    public List<String> visitAddForeignKey(Change.AddForeignKey c) {
      return List.of();
    }

    public List<String> visitDropForeignKey(Change.DropForeignKey c) {
      return List.of();
    }

    public List<String> visitSetTableComment(Change.SetTableComment c) {
      return List.of();
    }

    public List<String> visitCreateView(Change.CreateView c) {
      return List.of(c.view().sql());
    }

    public List<String> visitDropView(Change.DropView c) {
      return List.of();
    }

    public List<String> visitReplaceView(Change.ReplaceView c) {
      return List.of(c.after().sql());
    }

    public List<String> visitRefreshView(Change.RefreshView c) {
      return List.of();
    }

    public List<String> visitAlterView(Change.AlterView c) {
      return List.of();
    }

    public List<String> visitCreateFunction(Change.CreateFunction c) {
      return List.of(c.function().body());
    }

    public List<String> visitDropFunction(Change.DropFunction c) {
      return List.of();
    }

    public List<String> visitReplaceFunction(Change.ReplaceFunction c) {
      return List.of(c.after().body());
    }

    public List<String> visitCreateTrigger(Change.CreateTrigger c) {
      return c.trigger().when() == null ? List.of() : List.of(c.trigger().when());
    }

    public List<String> visitDropTrigger(Change.DropTrigger c) {
      return List.of();
    }

    public List<String> visitAddEnumValue(Change.AddEnumValue c) {
      return List.of();
    }

    public List<String> visitRebuildEnum(Change.RebuildEnum c) {
      return List.of();
    }

    public List<String> visitRenameEnum(Change.RenameEnum c) {
      return List.of();
    }

    public List<String> visitRenameEnumValue(Change.RenameEnumValue c) {
      return List.of();
    }

    public List<String> visitRenameIndex(Change.RenameIndex c) {
      return List.of();
    }

    public List<String> visitRenameConstraint(Change.RenameConstraint c) {
      return List.of();
    }

    public List<String> visitAddPartition(Change.AddPartition c) {
      return List.of(c.partition().boundSql());
    }

    public List<String> visitDetachPartition(Change.DetachPartition c) {
      return List.of();
    }

    public List<String> visitAlterPartitionBound(Change.AlterPartitionBound c) {
      return List.of(c.after().boundSql());
    }

    public List<String> visitCreateDomain(Change.CreateDomain c) {
      return domainSql(c.domain());
    }

    public List<String> visitDropDomain(Change.DropDomain c) {
      return List.of();
    }

    public List<String> visitAlterDomain(Change.AlterDomain c) {
      return domainSql(c.after());
    }

    public List<String> visitRenameDomain(Change.RenameDomain c) {
      return List.of();
    }

    private static List<String> domainSql(dev.plinth.schema.model.Domain domain) {
      return present(Stream.concat(Stream.of(domain.defaultSql()),
          domain.checks().stream().map(dev.plinth.schema.model.CheckConstraint::expression)));
    }

    public List<String> visitValidateConstraint(Change.ValidateConstraint c) {
      return List.of();
    }

    public List<String> visitAlterForeignKey(Change.AlterForeignKey c) {
      return List.of();
    }

    public List<String> visitAlterIndex(Change.AlterIndex c) {
      return List.of();
    }

    public List<String> visitSetRowSecurity(Change.SetRowSecurity c) {
      return List.of();
    }

    public List<String> visitCreatePolicy(Change.CreatePolicy c) {
      return present(Stream.of(c.policy().using(), c.policy().withCheck()));
    }

    public List<String> visitDropPolicy(Change.DropPolicy c) {
      return List.of();
    }

    public List<String> visitAlterPolicy(Change.AlterPolicy c) {
      return present(Stream.of(c.after().using(), c.after().withCheck()));
    }

    public List<String> visitRenamePolicy(Change.RenamePolicy c) {
      return List.of();
    }

    public List<String> visitChangeGrant(Change.ChangeGrant c) {
      return List.of();
    }

    public List<String> visitChangeFunctionGrant(Change.ChangeFunctionGrant c) {
      return List.of();
    }

    public List<String> visitCreateRole(Change.CreateRole c) {
      return List.of();
    }

    public List<String> visitKeepRole(Change.KeepRole c) {
      return List.of();
    }

    public List<String> visitCreateSequence(Change.CreateSequence c) {
      return List.of();
    }

    public List<String> visitDropSequence(Change.DropSequence c) {
      return List.of();
    }

    public List<String> visitAlterSequence(Change.AlterSequence c) {
      return List.of();
    }

    public List<String> visitRenameSequence(Change.RenameSequence c) {
      return List.of();
    }
  }
}
