package dev.plinth.schema.render;

import static dev.plinth.schema.render.Sql.ident;
import static dev.plinth.schema.render.Sql.idents;
import static dev.plinth.schema.render.Sql.literal;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Change.AddCheck;
import dev.plinth.schema.diff.Change.AddColumn;
import dev.plinth.schema.diff.Change.AddEnumValue;
import dev.plinth.schema.diff.Change.AddForeignKey;
import dev.plinth.schema.diff.Change.AddIndex;
import dev.plinth.schema.diff.Change.AddPrimaryKey;
import dev.plinth.schema.diff.Change.AddUnique;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.CreateEnum;
import dev.plinth.schema.diff.Change.CreateExtension;
import dev.plinth.schema.diff.Change.CreateSchema;
import dev.plinth.schema.diff.Change.CreateTable;
import dev.plinth.schema.diff.Change.DropCheck;
import dev.plinth.schema.diff.Change.DropColumn;
import dev.plinth.schema.diff.Change.DropEnum;
import dev.plinth.schema.diff.Change.DropExtension;
import dev.plinth.schema.diff.Change.DropForeignKey;
import dev.plinth.schema.diff.Change.DropIndex;
import dev.plinth.schema.diff.Change.DropPrimaryKey;
import dev.plinth.schema.diff.Change.DropSchema;
import dev.plinth.schema.diff.Change.DropTable;
import dev.plinth.schema.diff.Change.DropUnique;
import dev.plinth.schema.diff.Change.RebuildEnum;
import dev.plinth.schema.diff.Change.RenameColumn;
import dev.plinth.schema.diff.Change.RenameConstraint;
import dev.plinth.schema.diff.Change.RenameEnum;
import dev.plinth.schema.diff.Change.RenameEnumValue;
import dev.plinth.schema.diff.Change.RenameIndex;
import dev.plinth.schema.diff.Change.RenameTable;
import dev.plinth.schema.diff.Change.SetTableComment;
import dev.plinth.schema.diff.Change.ValidateConstraint;
import dev.plinth.schema.diff.ColumnUses;
import dev.plinth.schema.diff.EnumUses;
import dev.plinth.schema.diff.NotNullCheck;
import dev.plinth.schema.diff.SeparateValidation;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Deferral;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders changes as PostgreSQL statements. Pure and deterministic: the same schema and changes
 * give the same text, with {@code \n} line endings, on every platform.
 */
public final class SqlRenderer {
  private SqlRenderer() {}

  /**
   * The SQL of {@code changes}, applied in order to {@code before}: one text per change, holding
   * its statements one per line. {@code resumable} guards the statements of the changes that run
   * outside a transaction (enum values added, indexes built or dropped concurrently, and their
   * inverses), so that running them again after a failure finishes the job. {@code tenantSchemas}
   * leaves the default schema out of names, for a schema per tenant (see {@link TenantNames}). With
   * {@code separateValidation}, a constraint added to an existing table is only added
   * {@code NOT VALID} (a later migration validates it, see
   * {@link dev.plinth.schema.diff.MigrationPlan#split(List, boolean)}), and a column whose
   * {@link NotNullCheck} is already in place becomes NOT NULL through it. With
   * {@code deferredChecksAtOnce}, a transactional script that writes rows while keys checked at
   * commit exist checks them at once from its first write on ({@link DeferredChecks}). The other
   * settings are {@code settings}'s ({@link ScriptSettings}; its timeouts are the script's).
   */
  public static List<String> statements(Schema before, List<Change> changes, Backups backups,
      ScriptSettings settings, boolean separateValidation) {
    List<String> out = new ArrayList<>();
    Schema state = before;
    Set<QualifiedName> created = SeparateValidation.created(changes);
    SharedNames shared = SharedNames.of(changes);
    boolean resumable = settings.resumable();
    boolean checkedAtOnce = resumable || !settings.deferredChecksAtOnce();
    for (Change change : changes) {
      List<String> statements = change.accept(new Renderer(state, backups, created, resumable,
          separateValidation, shared, settings.domainColumnsFilledFirst()));
      Schema after = change.applyTo(state);
      if (!checkedAtOnce && (DeferredChecks.any(state) || DeferredChecks.any(after))
          && statements.stream().anyMatch(DeferredChecks::writesRows)) {
        statements = DeferredChecks.afterFirstWrite(statements);
        checkedAtOnce = true;
      }
      out.add(String.join("\n", settings.tenantSchemas()
          ? statements.stream().map(s -> TenantNames.statement(s, backups)).toList() : statements));
      state = after;
    }
    return out;
  }

  /**
   * The statements of one change.
   *
   * @param state the schema the change applies to
   * @param created tables this script creates: constraints added to any other table are added
   *     {@code NOT VALID} and validated separately, so writes are blocked only briefly
   * @param resumable whether statements are guarded, so that the script can run again
   * @param separateValidation whether constraints on existing tables are validated by a migration
   *     of their own
   * @param shared index names that a table the script drops and one it creates both hold
   * @param domainColumnsFilledFirst whether a column filled as it is added, of a domain that refuses
   *     NULL, is added as the domain's base type (see {@link ScriptSettings#domainColumnsFilledFirst()})
   */
  private record Renderer(Schema state, Backups backups, Set<QualifiedName> created,
      boolean resumable, boolean separateValidation, SharedNames shared, boolean domainColumnsFilledFirst)
      implements Change.Visitor<List<String>> {
    public List<String> visitCreateSchema(CreateSchema c) {
      return List.of("CREATE SCHEMA " + ident(c.name()) + ";");
    }

    public List<String> visitDropSchema(DropSchema c) {
      return List.of("DROP SCHEMA " + ident(c.name()) + ";");
    }

    public List<String> visitRenameSchema(Change.RenameSchema c) {
      return List.of("ALTER SCHEMA " + ident(c.from()) + " RENAME TO " + ident(c.to()) + ";");
    }

    public List<String> visitAlterSchema(Change.AlterSchema c) {
      if (!Objects.equals(c.beforeComment(), c.afterComment())) {
        return List.of("COMMENT ON SCHEMA " + ident(c.name()) + " IS " + literal(c.afterComment()) + ";");
      }
      return List.of("-- Schema " + ident(c.name()) + (c.after() == null ? " is no longer declared"
          : " is declared in package " + c.after().javaPackage()) + ": nothing to change.");
    }

    public List<String> visitCreateExtension(CreateExtension c) {
      if (c.declared()) {
        return ExtensionSql.create(c, backups);
      }
      if (!c.marked()) {
        return List.of("CREATE EXTENSION IF NOT EXISTS " + ident(c.name()) + ";");
      }
      return List.of(Sql.doBlock(Sql.ifThen("NOT EXISTS (SELECT FROM pg_extension WHERE extname = "
          + literal(c.name()) + ")", List.of("CREATE EXTENSION " + ident(c.name()) + ";",
          backups.createSchema(QualifiedName.DEFAULT_SCHEMA),
          "CREATE TABLE IF NOT EXISTS " + ident(backups.extensionMark(c.name())) + " ();"))));
    }

    public List<String> visitDropExtension(DropExtension c) {
      if (c.declared()) {
        return ExtensionSql.drop(c);
      }
      if (!c.marked()) {
        return List.of("DROP EXTENSION IF EXISTS " + ident(c.name()) + ";");
      }
      // What rolling back keeps for migrating again (a kept table, a column's values) may still use
      // the extension: it then stays.
      QualifiedName mark = backups.extensionMark(c.name());
      return List.of(Sql.doBlock(Sql.ifThen("to_regclass(" + literal(ident(mark)) + ") IS NOT NULL",
          List.of("DROP TABLE " + ident(mark) + ";", "BEGIN\n  DROP EXTENSION " + ident(c.name())
              + ";\nEXCEPTION WHEN dependent_objects_still_exist THEN\n  NULL;\nEND;"))));
    }

    public List<String> visitCreateEnum(CreateEnum c) {
      return List.of(createEnum(c.type().name(), c.type()));
    }

    public List<String> visitDropEnum(DropEnum c) {
      return List.of("DROP TYPE " + ident(c.type().name()) + ";");
    }

    public List<String> visitAddEnumValue(AddEnumValue c) {
      return List.of("ALTER TYPE " + ident(c.after().name()) + " ADD VALUE "
          + (resumable ? "IF NOT EXISTS " : "") + literal(c.value())
          + (c.beforeValue() != null ? " BEFORE " + literal(c.beforeValue())
              : c.afterValue() != null ? " AFTER " + literal(c.afterValue()) : "") + ";");
    }

    public List<String> visitRenameEnum(RenameEnum c) {
      List<String> out = new ArrayList<>();
      if (!c.from().schema().equals(c.to().schema())) {
        out.add("ALTER TYPE " + ident(c.from()) + " SET SCHEMA " + ident(c.to().schema()) + ";");
      }
      if (!c.from().name().equals(c.to().name())) {
        out.add("ALTER TYPE " + ident(new QualifiedName(c.to().schema(), c.from().name()))
            + " RENAME TO " + ident(c.to().name()) + ";");
      }
      return out;
    }

    public List<String> visitRenameIndex(RenameIndex c) {
      return List.of("ALTER INDEX " + ident(new QualifiedName(c.table().schema(), c.from()))
          + " RENAME TO " + ident(c.to()) + ";");
    }

    public List<String> visitRenameConstraint(RenameConstraint c) {
      return List.of(alter(c.table()) + "RENAME CONSTRAINT " + ident(c.from()) + " TO "
          + ident(c.to()) + ";");
    }

    public List<String> visitRenameEnumValue(RenameEnumValue c) {
      return List.of("ALTER TYPE " + ident(c.type()) + " RENAME VALUE " + literal(c.from()) + " TO "
          + literal(c.to()) + ";");
    }

    public List<String> visitRebuildEnum(RebuildEnum c) {
      List<String> rebuild = rebuildEnum(state, c, backups);
      return resumable ? List.of(Sql.doBlock(Sql.ifThen(differs(c.after()), rebuild))) : rebuild;
    }

    public List<String> visitCreateTable(CreateTable c) {
      if (!c.restore()) {
        return createTable(c.table());
      }
      return c.keptByRollback() ? createOrTakeBack(c.table(), backups, shared, c.dropsGenerated())
          : restoreTable(c.table(), backups, shared, c.dropsGenerated());
    }

    public List<String> visitDropTable(DropTable c) {
      if (!c.backup()) {
        return List.of("DROP TABLE " + ident(c.table().name()) + ";");
      }
      List<String> out = backUpTable(c.table(), backups, shared, c.dropsGenerated());
      if (c.keptByRollback()) {
        out.add(backups.label(backups.kept(c.table().name()), tableDefinition(c.table())));
      }
      return out;
    }

    public List<String> visitRenameTable(RenameTable c) {
      List<String> out = renameTable(c.from(), c.to());
      out.addAll(PartitionSql.followSchema(state, c.from(), c.to()));
      return out;
    }

    public List<String> visitAddColumn(AddColumn c) {
      if (c.restoreKey().isEmpty()) {
        return addColumn(c.table(), c.column());
      }
      Optional<String> looseType = domainColumnsFilledFirst ? state.typeTakingNull(c.column())
          : Optional.empty();
      return c.keptByRollback()
          ? addAndPutBack(c, backups, state.table(c.table()).orElse(null), looseType)
          : restoreColumn(c, backups, looseType);
    }

    public List<String> visitDropColumn(DropColumn c) {
      List<String> out = new ArrayList<>();
      if (!c.backupKey().isEmpty()) {
        out.add(backups.createSchema(c.table().schema()));
        out.add(c.matchByValues()
            ? backups.saveColumnByValues(c.table(), c.column(), c.backupKey())
            : backups.saveColumn(c.table(), c.column(), c.backupKey()));
      }
      if (!c.backupKey().isEmpty() && c.keptByRollback()) {
        out.add(backups.label(backups.columnTable(c.table(), c.column().name()),
            columnDefinition(c.table(), c.column(), c.backupKey())));
      }
      out.add(alter(c.table()) + "DROP COLUMN " + ident(c.column().name()) + ";");
      return out;
    }

    public List<String> visitRenameColumn(RenameColumn c) {
      return List.of(alter(c.table()) + "RENAME COLUMN " + ident(c.from()) + " TO " + ident(c.to())
          + ";");
    }

    public List<String> visitAlterColumn(AlterColumn c) {
      List<String> out = new ArrayList<>();
      if (!c.backupKey().isEmpty()) {
        out.add(backups.createSchema(c.table().schema()));
        out.add(backups.saveColumn(c.table(), c.before(), c.backupKey()));
      }
      if (c.backfill() != null && c.setsNotNull()) {
        out.addAll(BackfillSql.fill(backups, c.table(), c.after().name(), c.backfill()));
      }
      // PostgreSQL retypes no column that a generated column reads: those are dropped and added
      // again around it (computed anew, with the indexes and constraints that read them).
      List<Column> readers = c.retypes() ? state.table(c.table())
          .map(t -> ColumnUses.generated(t, c.before().name()).stream()
              .filter(g -> !g.name().equals(c.before().name())).toList())
          .orElse(List.of()) : List.of();
      readers.forEach(g -> out.add(alter(c.table()) + "DROP COLUMN " + ident(g.name()) + ";"));
      if (readdsGenerated(c)) {
        out.addAll(readdColumn(state, c.table(), c.after()));
      } else if (c.copiesPlain()) {
        out.addAll(plainByCopy(state, c.table(), c.after()));
      } else {
        out.addAll(checkedNotNull(c) ? List.of(NotNullSql.set(c.table(), c.after()))
            : alterColumn(c.table(), generation(c, out), c.after(), c.inPlace()));
      }
      readers.forEach(g -> out.addAll(addAgain(state, c.table(), g)));
      if (c.backfill() != null && !c.before().nullable() && c.after().nullable()) {
        out.addAll(BackfillSql.empty(backups, c.table(), c.after().name(), c.backfill()));
      }
      if (!c.restoreKey().isEmpty()) {
        out.addAll(writingIdentity(c.table(), c.after(),
            backups.restoreColumn(c.table(), c.after(), c.restoreKey())));
      }
      return out;
    }

    /**
     * Whether the change drops and adds again a generated column: a plain column becoming one
     * (PostgreSQL cannot make a column generated), or a new expression not set in place.
     */
    private static boolean readdsGenerated(AlterColumn c) {
      return c.readdsGenerated();
    }

    /**
     * Adds to {@code out} the statement that changes a generated column's generation in place (a
     * new expression, or none: values kept), and returns the column as it is after it.
     */
    private static Column generation(AlterColumn c, List<String> out) {
      String column = alter(c.table()) + "ALTER COLUMN " + ident(c.after().name()) + " ";
      if (c.before().isGenerated() && !c.after().isGenerated()) {
        out.add(column + "DROP EXPRESSION;");
        return c.before().withGenerated(null);
      }
      if (c.changesExpression()) {
        out.add(column + "SET EXPRESSION AS (" + c.after().generated() + ");");
        return c.before().withGenerated(c.after().generated());
      }
      return c.before();
    }

    public List<String> visitAddPrimaryKey(AddPrimaryKey c) {
      return c.usingIndex()
          ? usingIndex(c.table(), c.key().name(), c.key().columns(), false,
              "PRIMARY KEY", c.key().deferrable())
          : List.of(alter(c.table()) + "ADD CONSTRAINT " + ident(c.key().name()) + " "
              + primaryKey(c.key()) + ";");
    }

    public List<String> visitDropPrimaryKey(DropPrimaryKey c) {
      return List.of(dropConstraint(c.table(), c.key().name(), c.usingIndex()));
    }

    public List<String> visitAddUnique(AddUnique c) {
      return c.usingIndex()
          ? usingIndex(c.table(), c.unique().name(), c.unique().columns(),
              c.unique().nullsNotDistinct(), "UNIQUE", c.unique().deferrable())
          : List.of(alter(c.table()) + "ADD CONSTRAINT " + ident(c.unique().name()) + " "
              + c.unique().definitionSql(idents(c.unique().columns())) + ";");
    }

    public List<String> visitDropUnique(DropUnique c) {
      return List.of(dropConstraint(c.table(), c.unique().name(), c.usingIndex()));
    }

    /**
     * Whether the change only makes a column NOT NULL whose {@link NotNullCheck} an earlier
     * migration added and this one validated: {@code SET NOT NULL} then needs no scan.
     */
    private boolean checkedNotNull(AlterColumn c) {
      String check = NotNullCheck.name(c.table(), c.after());
      return separateValidation && c.before().nullable() && !c.after().nullable()
          && c.before().equals(c.after().withNullable(true))
          && state.table(c.table()).map(t -> t.checks().stream().anyMatch(k -> k.name().equals(check)))
              .orElse(false);
    }

    public List<String> visitAddCheck(AddCheck c) {
      return addValidated(c.table(), c.check().name(), "CHECK (" + c.check().expression() + ")",
          created.contains(c.table()), separateValidation);
    }

    public List<String> visitValidateConstraint(ValidateConstraint c) {
      return List.of(c.undo()
          ? "-- Constraint " + ident(c.name()) + " stays validated: nothing to undo."
          : alter(c.table()) + "VALIDATE CONSTRAINT " + ident(c.name()) + ";");
    }

    public List<String> visitSetRowSecurity(Change.SetRowSecurity c) {
      return SecuritySql.setRowSecurity(c);
    }

    public List<String> visitCreatePolicy(Change.CreatePolicy c) {
      return SecuritySql.createPolicy(c);
    }

    public List<String> visitDropPolicy(Change.DropPolicy c) {
      return SecuritySql.dropPolicy(c);
    }

    public List<String> visitAlterPolicy(Change.AlterPolicy c) {
      return SecuritySql.alterPolicy(c);
    }

    public List<String> visitRenamePolicy(Change.RenamePolicy c) {
      return SecuritySql.renamePolicy(c);
    }

    public List<String> visitChangeGrant(Change.ChangeGrant c) {
      return SecuritySql.changeGrant(c);
    }

    public List<String> visitChangeFunctionGrant(Change.ChangeFunctionGrant c) {
      return SecuritySql.changeFunctionGrant(c);
    }

    public List<String> visitCreateRole(Change.CreateRole c) {
      return SecuritySql.createRole(c);
    }

    public List<String> visitKeepRole(Change.KeepRole c) {
      return SecuritySql.keepRole(c);
    }

    public List<String> visitCreateSequence(Change.CreateSequence c) {
      return StandaloneSequenceSql.create(c, backups);
    }

    public List<String> visitDropSequence(Change.DropSequence c) {
      return StandaloneSequenceSql.drop(c, backups);
    }

    public List<String> visitAlterSequence(Change.AlterSequence c) {
      return StandaloneSequenceSql.alter(c);
    }

    public List<String> visitRenameSequence(Change.RenameSequence c) {
      return List.of("ALTER SEQUENCE " + ident(c.from()) + " RENAME TO " + ident(c.to().name()) + ";");
    }

    public List<String> visitDropCheck(DropCheck c) {
      return List.of(dropConstraint(c.table(), c.check().name()));
    }

    /** Resumable: an index a failed build left behind (invalid) is dropped and built again. */
    public List<String> visitAddIndex(AddIndex c) {
      String create = createIndex(c.table(), c.index(), c.concurrently());
      return resumable ? List.of(dropIndex(c.table(), c.index().name(), c.concurrently(), true), create)
          : List.of(create);
    }

    public List<String> visitDropIndex(DropIndex c) {
      return List.of(dropIndex(c.table(), c.index().name(), c.concurrently(), resumable));
    }

    public List<String> visitAddForeignKey(AddForeignKey c) {
      return addValidated(c.table(), c.key().name(), foreignKey(c.key()), addsValidated(c.table()),
          separateValidation);
    }

    public List<String> visitDropForeignKey(DropForeignKey c) {
      return List.of(dropConstraint(c.table(), c.key().name()));
    }

    public List<String> visitSetTableComment(SetTableComment c) {
      return List.of("COMMENT ON TABLE " + ident(c.table()) + " IS " + literal(c.after()) + ";");
    }

    public List<String> visitCreateView(Change.CreateView c) {
      List<String> out = new ArrayList<>(ViewSql.create(c.view(), resumable));
      out.addAll(SecuritySql.viewGrants(c.view()));
      return out;
    }

    public List<String> visitDropView(Change.DropView c) {
      return ViewSql.drop(c.view(), resumable);
    }

    public List<String> visitReplaceView(Change.ReplaceView c) {
      if (c.inPlace()) {
        return ViewSql.replace(c.before(), c.after());
      }
      List<View> readers = c.readers(state);
      List<String> out = new ArrayList<>();
      for (int i = readers.size() - 1; i >= 0; i--) {
        out.addAll(visitDropView(new Change.DropView(readers.get(i))));
      }
      out.addAll(visitDropView(new Change.DropView(c.before())));
      out.addAll(visitCreateView(new Change.CreateView(c.after())));
      readers.forEach(r -> out.addAll(visitCreateView(new Change.CreateView(r))));
      return out;
    }

    public List<String> visitRefreshView(Change.RefreshView c) {
      return List.of(ViewSql.refresh(c.after(), c.concurrently()));
    }

    public List<String> visitAlterView(Change.AlterView c) {
      return ViewSql.alter(c.before(), c.after());
    }

    public List<String> visitCreateFunction(Change.CreateFunction c) {
      List<String> out = new ArrayList<>();
      out.add(RoutineSql.createFunction(c.function(), resumable));
      out.addAll(SecuritySql.functionGrants(c.function()));
      return out;
    }

    public List<String> visitDropFunction(Change.DropFunction c) {
      return List.of(RoutineSql.dropFunction(c.function(), resumable));
    }

    public List<String> visitReplaceFunction(Change.ReplaceFunction c) {
      return List.of(RoutineSql.createFunction(c.after(), true));
    }

    public List<String> visitCreateTrigger(Change.CreateTrigger c) {
      return List.of(RoutineSql.createTrigger(c.trigger(), resumable));
    }

    public List<String> visitDropTrigger(Change.DropTrigger c) {
      return List.of(RoutineSql.dropTrigger(c.trigger(), resumable));
    }

    public List<String> visitAlterForeignKey(Change.AlterForeignKey c) {
      Deferral after = c.after().deferrable();
      return List.of(alter(c.table()) + "ALTER CONSTRAINT " + ident(c.after().name()) + " "
          + (after == null ? "NOT DEFERRABLE" : after == Deferral.DEFERRED ? after.sql()
              : "DEFERRABLE INITIALLY IMMEDIATE") + ";");
    }

    public List<String> visitAlterIndex(Change.AlterIndex c) {
      String index = "ALTER INDEX " + ident(new QualifiedName(c.table().schema(), c.after().name()));
      List<String> out = new ArrayList<>();
      Set<String> kept = new HashSet<>();
      c.after().with().forEach(p -> kept.add(Index.parameterName(p)));
      List<String> reset = c.before().with().stream().map(Index::parameterName)
          .filter(p -> !kept.contains(p)).toList();
      if (!reset.isEmpty()) {
        out.add(index + " RESET (" + String.join(", ", reset) + ");");
      }
      List<String> set = c.after().with().stream().filter(p -> !c.before().with().contains(p)).toList();
      if (!set.isEmpty()) {
        out.add(index + " SET (" + String.join(", ", set) + ");");
      }
      if (!Objects.equals(c.before().tablespace(), c.after().tablespace())) {
        out.add(index + " SET TABLESPACE "
            + (c.after().tablespace() == null ? "pg_default" : ident(c.after().tablespace())) + ";");
      }
      return out;
    }

    public List<String> visitAddPartition(Change.AddPartition c) {
      return PartitionSql.add(state, c, backups);
    }

    public List<String> visitDetachPartition(Change.DetachPartition c) {
      return PartitionSql.detach(state, c, backups);
    }

    public List<String> visitAlterPartitionBound(Change.AlterPartitionBound c) {
      return PartitionSql.alterBound(c);
    }

    public List<String> visitCreateDomain(Change.CreateDomain c) {
      return DomainSql.create(c.domain());
    }

    public List<String> visitDropDomain(Change.DropDomain c) {
      return DomainSql.drop(c.domain());
    }

    public List<String> visitAlterDomain(Change.AlterDomain c) {
      return DomainSql.alter(c.before(), c.after());
    }

    public List<String> visitRenameDomain(Change.RenameDomain c) {
      return DomainSql.rename(c.from(), c.to());
    }

    /**
     * Whether a foreign key is added validated at once: on a table this script creates, and on a
     * partitioned table (PostgreSQL before 18 refuses a NOT VALID foreign key there).
     */
    private boolean addsValidated(QualifiedName table) {
      return created.contains(table) || state.table(table).map(Table::partitioned).orElse(false);
    }
  }

  /**
   * Moves a table that a lossless drop kept back from the backup, and gives it its enums back (see
   * {@link Backups#reattachEnums(Table, boolean)} for {@code dropsGenerated}).
   */
  private static List<String> restoreTable(Table table, Backups backups, SharedNames shared,
      boolean dropsGenerated) {
    QualifiedName name = table.name();
    List<String> out = new ArrayList<>();
    out.add("ALTER TABLE " + ident(backups.kept(name)) + " SET SCHEMA " + ident(name.schema()) + ";");
    out.addAll(shared.afterRestore(table));
    out.addAll(backups.reattachEnums(table, dropsGenerated));
    return out;
  }

  /**
   * Creates a table, or, when rolling this migration back kept it, takes it back with its rows (and
   * its comment, which the label replaced).
   */
  private static List<String> createOrTakeBack(Table table, Backups backups, SharedNames shared,
      boolean dropsGenerated) {
    List<String> takeBack = new ArrayList<>(restoreTable(table, backups, shared, dropsGenerated));
    takeBack.add("COMMENT ON TABLE " + ident(table.name()) + " IS " + literal(table.comment()) + ";");
    String refusal = "Cannot take back table " + table.name() + " from " + backups.kept(table.name())
        + ": it was kept by rolling back another edition of version " + backups.version()
        + " and is not the table this migration creates. Copy what you need from it, drop it"
        + " (plinth prune-backups drops every backup) and migrate again.";
    return List.of(backups.ifKept(backups.kept(table.name()), tableDefinition(table), refusal,
        takeBack, createTable(table)));
  }

  /** What a kept table's label identifies: the statements that create it. */
  private static String tableDefinition(Table table) {
    return String.join("\n", createTable(table));
  }

  /** What a kept column's label identifies: its definition and the row key of its values. */
  private static String columnDefinition(QualifiedName table, Column column, List<String> key) {
    return columnDefinition(table, column) + " BY " + idents(key);
  }

  /**
   * Adds a column and, when rolling this migration back kept its values, puts them back by row
   * key. An identity column gets the kept values back as they were; rows written since the
   * rollback get new ones, after the kept ones. With {@code looseType}, the column is added as that
   * type (its own is a domain that refuses NULL) and given its own once its values are back.
   */
  private static List<String> addAndPutBack(AddColumn change, Backups backups, Table before,
      Optional<String> looseType) {
    QualifiedName table = change.table();
    Column column = change.column();
    List<String> key = change.restoreKey();
    QualifiedName saved = backups.columnTable(table, column.name());
    List<String> putBack = new ArrayList<>();
    putBack.add(backups.putBackColumn(table, column, key));
    if (column.identity() != Identity.NONE) {
      // PERFORM: PL/pgSQL's SELECT without a result.
      putBack.add("PERFORM setval(pg_get_serial_sequence(" + literal(ident(table)) + ", "
          + literal(column.name()) + "), coalesce(max(" + ident(column.name()) + "), 0) + 1, false) FROM "
          + ident(saved) + ";");
      putBack.add("UPDATE " + ident(table) + " AS \"target\" SET " + ident(column.name())
          + " = DEFAULT WHERE NOT EXISTS (SELECT FROM " + ident(saved) + " AS \"saved\" WHERE "
          + Backups.match(key) + ");");
    }
    putBack = new ArrayList<>(writingIdentity(table, column, putBack));
    if (looseType.isPresent()) {
      putBack.add(retype(table, column));
    }
    putBack.addAll(checkDeferred(before));
    putBack.add("DROP TABLE " + ident(saved) + ";");
    String refusal = "Cannot put back the values of column " + column.name() + " of " + table
        + " from " + ident(saved) + ": they were kept by rolling back another edition of version "
        + backups.version() + ", for another column. Copy what you need from that table, drop it"
        + " (plinth prune-backups drops every backup) and migrate again.";
    List<String> out = addColumn(table, looseType.map(type -> column.withType(type, column.enumType())).orElse(column));
    out.add(backups.ifKept(saved, columnDefinition(table, column, key), refusal, putBack,
        looseType.map(type -> List.of(retype(table, column))).orElse(List.of())));
    return out;
  }

  /** Gives a column added as another type its own ({@code column}'s, a domain over that type). */
  private static String retype(QualifiedName table, Column column) {
    return alter(table) + "ALTER COLUMN " + ident(column.name()) + " TYPE " + column.type() + ";";
  }

  /**
   * Checks now the rows just written into {@code table} against its keys checked at commit
   * ({@code INITIALLY DEFERRED}), then defers them again: PostgreSQL alters no table that has
   * checks pending ("pending trigger events"), as the rest of the migration may. Nothing for a table
   * without such keys.
   */
  private static List<String> checkDeferred(Table table) {
    if (table == null) {
      return List.of();
    }
    List<String> names = DeferredChecks.names(table);
    if (names.isEmpty()) {
      return List.of();
    }
    String constraints = names.stream().map(n -> ident(new QualifiedName(table.name().schema(), n)))
        .collect(Collectors.joining(", "));
    return List.of("SET CONSTRAINTS " + constraints + " IMMEDIATE;",
        "SET CONSTRAINTS " + constraints + " DEFERRED;");
  }

  /**
   * {@code statements} that write values into {@code column}: PostgreSQL lets a {@code GENERATED
   * ALWAYS} identity column be updated only to DEFAULT ({@code OVERRIDING SYSTEM VALUE} is for
   * INSERT alone), so such a column is made {@code BY DEFAULT} around them.
   */
  private static List<String> writingIdentity(QualifiedName table, Column column,
      List<String> statements) {
    if (column.identity() != Identity.ALWAYS) {
      return statements;
    }
    String alter = alter(table) + "ALTER COLUMN " + ident(column.name()) + " ";
    List<String> out = new ArrayList<>();
    out.add(alter + "SET GENERATED BY DEFAULT;");
    out.addAll(statements);
    out.add(alter + "SET GENERATED ALWAYS;");
    return out;
  }

  /** Moves a dropped table, rows and all, to the migration's backup schema. */
  private static List<String> backUpTable(Table table, Backups backups, SharedNames shared,
      boolean dropsGenerated) {
    List<String> out = new ArrayList<>();
    out.add(backups.createSchema(table.name().schema()));
    out.addAll(shared.beforeBackup(table));
    out.add(alter(table.name()) + "SET SCHEMA " + ident(backups.schema(table.name().schema())) + ";");
    out.addAll(backups.detachEnums(table, index -> shared.kept(table, index), dropsGenerated));
    return out;
  }

  private static List<String> addColumn(QualifiedName table, Column column) {
    List<String> out = new ArrayList<>(SequenceSql.beforeCreate(table, column));
    out.add(alter(table) + "ADD COLUMN " + columnDefinition(table, column) + ";");
    out.addAll(SequenceSql.afterCreate(table, column));
    if (column.comment() != null) {
      out.add(columnComment(table, column.name(), column.comment()));
    }
    return out;
  }

  /**
   * Adds a constraint; on an existing table as {@code NOT VALID} first, then validated (unless a
   * later migration validates it: {@code validateLater}), which checks existing rows without
   * blocking writes.
   */
  private static List<String> addValidated(QualifiedName table, String name, String definition,
      boolean newTable, boolean validateLater) {
    List<String> out = new ArrayList<>();
    String add = alter(table) + "ADD CONSTRAINT " + ident(name) + " " + definition;
    if (newTable) {
      out.add(add + ";");
    } else {
      out.add(add + " NOT VALID;");
      if (!validateLater) {
        out.add(alter(table) + "VALIDATE CONSTRAINT " + ident(name) + ";");
      }
    }
    return out;
  }

  private static String dropIndex(QualifiedName table, String index, boolean concurrently,
      boolean ifExists) {
    return "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + (ifExists ? "IF EXISTS " : "")
        + ident(new QualifiedName(table.schema(), index)) + ";";
  }

  /**
   * A unique constraint or primary key ({@code kind}) attached to a unique index built
   * {@code CONCURRENTLY} first, outside a transaction: writes wait only for the attaching. Run
   * again after a failure, wherever it stopped, it finishes the job: an index a failed build left
   * (invalid) is dropped (a plain {@code DROP INDEX}, inside a block: it scans nothing, and only a
   * retry after a failed build runs it) and built again, a valid one is kept, and a constraint
   * already attached is not added again.
   */
  private static List<String> usingIndex(QualifiedName table, String name, List<String> columns,
      boolean nullsNotDistinct, String kind, Deferral deferrable) {
    Index index = new Index(name, columns.stream().map(IndexKey::column).toList(), true, "btree", null,
        List.of(), true, nullsNotDistinct, List.of(), null);
    QualifiedName qualified = new QualifiedName(table.schema(), name);
    String invalid = "EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass(" + literal(ident(qualified))
        + ") AND NOT indisvalid)";
    String attached = "EXISTS (SELECT FROM pg_constraint WHERE conrelid = " + literal(ident(table))
        + "::regclass AND conname = " + literal(name) + ")";
    return List.of(Sql.doBlock(Sql.ifThen(invalid, List.of("DROP INDEX " + ident(qualified) + ";"))),
        createIndex(table, index, true, true),
        Sql.doBlock(Sql.ifThen("NOT " + attached, List.of(alter(table) + "ADD CONSTRAINT " + ident(name)
            + " " + kind + " USING INDEX " + ident(name) + Deferral.clause(deferrable) + ";"))));
  }

  /**
   * Whether the enum type's values are not yet {@code type}'s: a rebuild guarded by it runs (as one
   * block, atomically) only until it has succeeded once.
   */
  private static String differs(EnumType type) {
    return "ARRAY(SELECT enumlabel::text FROM pg_enum WHERE enumtypid = " + literal(ident(type.name()))
        + "::regtype ORDER BY enumsortorder) IS DISTINCT FROM ARRAY["
        + type.values().stream().map(Sql::literal).collect(Collectors.joining(", ")) + "]::text[]";
  }

  private static String alter(QualifiedName table) {
    return "ALTER TABLE " + ident(table) + " ";
  }

  private static String dropConstraint(QualifiedName table, String name) {
    return dropConstraint(table, name, false);
  }

  private static String dropConstraint(QualifiedName table, String name, boolean ifExists) {
    return alter(table) + "DROP CONSTRAINT " + (ifExists ? "IF EXISTS " : "") + ident(name) + ";";
  }

  private static String createEnum(QualifiedName name, EnumType type) {
    return "CREATE TYPE " + ident(name) + " AS ENUM ("
        + type.values().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ");";
  }

  private static List<String> createTable(Table table) {
    List<String> out = new ArrayList<>();
    table.columns().forEach(c -> out.addAll(SequenceSql.beforeCreate(table.name(), c)));
    List<String> parts = new ArrayList<>();
    table.columns().forEach(c -> parts.add(columnDefinition(table.name(), c)));
    if (table.primaryKey() != null) {
      parts.add("CONSTRAINT " + ident(table.primaryKey().name()) + " " + primaryKey(table.primaryKey()));
    }
    table.uniques().forEach(u ->
        parts.add("CONSTRAINT " + ident(u.name()) + " " + u.definitionSql(idents(u.columns()))));
    table.checks().forEach(c ->
        parts.add("CONSTRAINT " + ident(c.name()) + " CHECK (" + c.expression() + ")"));
    out.add("CREATE TABLE " + ident(table.name()) + " (\n  " + String.join(",\n  ", parts) + "\n)"
        + (table.partitioned() ? PartitionSql.clause(table.partitioning()) : "") + ";");
    table.columns().forEach(c -> out.addAll(SequenceSql.afterCreate(table.name(), c)));
    if (table.comment() != null) {
      out.add("COMMENT ON TABLE " + ident(table.name()) + " IS " + literal(table.comment()) + ";");
    }
    for (Column column : table.columns()) {
      if (column.comment() != null) {
        out.add(columnComment(table.name(), column.name(), column.comment()));
      }
    }
    return out;
  }

  private static String columnComment(QualifiedName table, String column, String comment) {
    return "COMMENT ON COLUMN " + ident(table) + "." + ident(column) + " IS " + literal(comment) + ";";
  }

  static String columnDefinition(QualifiedName table, Column column) {
    StringBuilder sql = new StringBuilder(ident(column.name())).append(' ').append(column.type())
        .append(collate(column));
    sql.append(SequenceSql.clause(table, column));
    sql.append(NotNullSql.clause(column));
    if (column.isGenerated()) {
      sql.append(" GENERATED ALWAYS AS (").append(column.generated()).append(") STORED");
    } else if (column.defaultSql() != null) {
      sql.append(" DEFAULT ").append(column.defaultSql());
    }
    return sql.toString();
  }

  /** {@code COLLATE "name"} after a column's type, or nothing for its type's default collation. */
  static String collate(Column column) {
    return column.collation() == null ? "" : " COLLATE " + ident(column.collation());
  }

  /**
   * Re-adds a column a lossless drop removed: added without NOT NULL and identity (and as
   * {@code looseType}, when given, instead of a domain that refuses NULL), filled from the backup by
   * row key, then constrained as it was.
   */
  private static List<String> restoreColumn(AddColumn change, Backups backups, Optional<String> looseType) {
    List<String> out = new ArrayList<>();
    Column column = change.column();
    Column loose = new Column(column.name(), looseType.orElse(column.type()), column.enumType(), true,
        column.defaultSql(), Identity.NONE, null, null).withCollation(column.collation());
    out.add(alter(change.table()) + "ADD COLUMN " + columnDefinition(change.table(), loose) + ";");
    out.addAll(change.matchByValues()
        ? backups.restoreColumnByValues(change.table(), column, change.restoreKey())
        : backups.restoreColumn(change.table(), column, change.restoreKey()));
    looseType.ifPresent(type -> out.add(retype(change.table(), column)));
    if (!column.nullable()) {
      out.add(NotNullSql.set(change.table(), column));
    }
    if (column.identity() != Identity.NONE) {
      out.addAll(SequenceSql.attach(change.table(), column));
    }
    if (column.comment() != null) {
      out.add(columnComment(change.table(), column.name(), column.comment()));
    }
    return out;
  }

  /**
   * Drops a column and adds it as {@code column} (its values computed, when generated), with the
   * indexes, checks and unique constraints that read it, which dropping it took away.
   */
  private static List<String> readdColumn(Schema state, QualifiedName table, Column column) {
    List<String> out = new ArrayList<>();
    out.add(alter(table) + "DROP COLUMN " + ident(column.name()) + ";");
    out.addAll(addAgain(state, table, column));
    return out;
  }

  /**
   * Makes a generated column plain as {@code column} without {@code DROP EXPRESSION} (see
   * {@link AlterColumn#plainByCopy()}): a new column takes its values, then its place and name,
   * with the unique and check constraints and the indexes of {@code state} that read it. Like
   * every column added, it comes last.
   */
  private static List<String> plainByCopy(Schema state, QualifiedName table, Column column) {
    String copy = Names.fit("plinth_plain_" + column.name());
    Column bare = new Column(column.name(), column.type(), column.enumType(), true, null, Identity.NONE,
        null, null, null, null, column.collation(), null);
    List<String> out = new ArrayList<>();
    out.add(alter(table) + "ADD COLUMN " + columnDefinition(table, bare.withName(copy)) + ";");
    out.add("UPDATE " + ident(table) + " SET " + ident(copy) + " = " + ident(column.name()) + ";");
    out.add(alter(table) + "DROP COLUMN " + ident(column.name()) + ";");
    out.add(alter(table) + "RENAME COLUMN " + ident(copy) + " TO " + ident(column.name()) + ";");
    out.addAll(alterColumn(table, bare, column, false));
    Table current = state.table(table).orElseThrow();
    out.addAll(readersAgain(table, current, column.name()));
    return out;
  }

  /**
   * Adds a dropped column again, with the unique and check constraints and the indexes of
   * {@code state} that read it.
   */
  private static List<String> addAgain(Schema state, QualifiedName table, Column column) {
    Table current = state.table(table).orElseThrow();
    List<String> out = new ArrayList<>(addColumn(table, column));
    out.addAll(readersAgain(table, current, column.name()));
    return out;
  }

  /** Makes again the unique and check constraints and the indexes of {@code current} that read {@code column}. */
  private static List<String> readersAgain(QualifiedName table, Table current, String column) {
    List<String> out = new ArrayList<>();
    ColumnUses.uniques(current, column).forEach(u -> out.add(alter(table) + "ADD CONSTRAINT "
        + ident(u.name()) + " UNIQUE (" + idents(u.columns()) + ");"));
    ColumnUses.checks(current, column).forEach(k -> out.add(alter(table) + "ADD CONSTRAINT "
        + ident(k.name()) + " CHECK (" + k.expression() + ");"));
    ColumnUses.indexes(current, column).forEach(i -> out.add(createIndex(table, i, false)));
    return out;
  }

  /** Moves an identity's sequence past the values the column already holds. */
  static String continueSequence(QualifiedName table, String column) {
    return "SELECT setval(pg_get_serial_sequence(" + literal(ident(table)) + ", " + literal(column)
        + "), coalesce(max(" + ident(column) + "), 0) + 1, false) FROM " + ident(table) + ";";
  }

  private static List<String> renameTable(QualifiedName from, QualifiedName to) {
    List<String> out = new ArrayList<>();
    QualifiedName current = from;
    if (!from.schema().equals(to.schema())) {
      out.add(alter(from) + "SET SCHEMA " + ident(to.schema()) + ";");
      current = new QualifiedName(to.schema(), from.name());
    }
    if (!from.name().equals(to.name())) {
      out.add(alter(current) + "RENAME TO " + ident(to.name()) + ";");
    }
    return out;
  }

  private static List<String> alterColumn(QualifiedName table, Column before, Column after,
      boolean inPlace) {
    List<String> out = new ArrayList<>();
    String column = alter(table) + "ALTER COLUMN " + ident(after.name()) + " ";
    boolean typeChanged = new AlterColumn(table, before, after).retypes();
    boolean identityChanged = before.identity() != after.identity() && !inPlace;
    boolean defaultChanged = !Objects.equals(before.defaultSql(), after.defaultSql()) || typeChanged;
    if (identityChanged && before.identity() != Identity.NONE) {
      out.addAll(SequenceSql.detach(table, before));
    }
    if (defaultChanged && before.defaultSql() != null) {
      out.add(column + "DROP DEFAULT;");
    }
    if (typeChanged) {
      // Without COLLATE, the column takes its type's default collation.
      out.add(column + "TYPE " + after.type() + collate(after) + using(before, after) + ";");
    }
    out.addAll(SequenceSql.alter(table, before, after, inPlace));
    if (defaultChanged && after.defaultSql() != null) {
      out.add(column + "SET DEFAULT " + after.defaultSql() + ";");
    }
    if (before.nullable() && !after.nullable()) {
      // A validated CHECK lets SET NOT NULL skip its full-table scan under the exclusive lock.
      String check = NotNullCheck.name(table, after);
      out.addAll(addValidated(table, check, "CHECK (" + ident(after.name()) + " IS NOT NULL)", false,
          false));
      out.add(NotNullSql.set(table, after));
      out.add(dropConstraint(table, check));
    } else if (!before.nullable() && after.nullable()) {
      out.add(column + "DROP NOT NULL;");
    }
    out.addAll(NotNullSql.rename(table, before, after));
    if (identityChanged && after.identity() != Identity.NONE) {
      out.addAll(SequenceSql.attach(table, after));
    }
    if (!Objects.equals(before.comment(), after.comment())) {
      out.add(columnComment(table, after.name(), after.comment()));
    }
    return out;
  }

  /**
   * The {@code USING} clause of a type change, empty when PostgreSQL converts on its own. Between
   * two enum types there is no cast: the value goes through its text.
   */
  private static String using(Column before, Column after) {
    if (!TypeConversions.needsUsing(before.type(), after.type())) {
      return "";
    }
    boolean enums = before.enumType() != null && after.enumType() != null;
    String through = !enums ? "" : after.type().endsWith("[]") ? "::text[]" : "::text";
    return " USING " + ident(after.name()) + through + "::" + after.type();
  }

  /**
   * Rebuilds an enum type. When values are removed, rows holding them keep the value in the backup
   * (by primary key) and get NULL or the column default; the reverse rebuild puts them back.
   */
  private static List<String> rebuildEnum(Schema state, RebuildEnum change, Backups backups) {
    QualifiedName name = change.after().name();
    QualifiedName old = new QualifiedName(name.schema(), Names.withSuffix(name.name(), "old"));
    List<Table> users = state.tables().stream()
        .filter(t -> t.columns().stream().anyMatch(c -> name.equals(c.enumType()))).toList();
    List<String> out = new ArrayList<>(saveRemovedValues(change, users, backups));
    for (Table table : users) {
      Dependents dependents = Dependents.of(table, name);
      dependents.indexes().forEach(i -> out.add(dropIndex(table.name(), i.name(), false, false)));
      dependents.uniques().forEach(u -> out.add(dropConstraint(table.name(), u.name())));
      dependents.checks().forEach(c -> out.add(dropConstraint(table.name(), c.name())));
      dependents.generated().forEach(g -> out.add(alter(table.name()) + "DROP COLUMN " + ident(g.name()) + ";"));
    }
    out.add("ALTER TYPE " + ident(name) + " RENAME TO " + ident(old.name()) + ";");
    out.add(createEnum(name, change.after()));
    for (Table table : users) {
      Dependents dependents = Dependents.of(table, name);
      enumColumns(table, name).forEach(column -> out.addAll(retypeEnumColumn(table, column)));
      dependents.generated().forEach(g -> out.addAll(addColumn(table.name(), g)));
      dependents.uniques().forEach(u -> out.add(alter(table.name()) + "ADD CONSTRAINT " + ident(u.name())
          + " UNIQUE (" + idents(u.columns()) + ");"));
      dependents.checks().forEach(c -> out.add(alter(table.name()) + "ADD CONSTRAINT "
          + ident(c.name()) + " CHECK (" + c.expression() + ");"));
      dependents.indexes().forEach(i -> out.add(createIndex(table.name(), i, false)));
    }
    out.add("DROP TYPE " + ident(old) + ";");
    out.addAll(restoreRemovedValues(change, users, backups));
    return out;
  }

  /**
   * What of a table a rebuild of enum type {@code type} drops before the swap and makes again after
   * it: the generated columns that read its columns (PostgreSQL retypes no column a generated one
   * reads), and the indexes, unique and check constraints that read either.
   */
  private record Dependents(List<Column> generated, List<Index> indexes,
      List<dev.plinth.schema.model.UniqueConstraint> uniques,
      List<dev.plinth.schema.model.CheckConstraint> checks) {
    static Dependents of(Table table, QualifiedName type) {
      List<Column> generated = enumColumns(table, type).stream()
          .flatMap(c -> ColumnUses.generated(table, c.name()).stream()).distinct().toList();
      List<Index> indexes = new ArrayList<>(EnumUses.indexes(table, type));
      List<dev.plinth.schema.model.CheckConstraint> checks = new ArrayList<>(EnumUses.checks(table, type));
      List<dev.plinth.schema.model.UniqueConstraint> uniques = new ArrayList<>();
      for (Column column : generated) {
        ColumnUses.indexes(table, column.name()).stream().filter(i -> !indexes.contains(i)).forEach(indexes::add);
        ColumnUses.checks(table, column.name()).stream().filter(c -> !checks.contains(c)).forEach(checks::add);
        ColumnUses.uniques(table, column.name()).stream().filter(u -> !uniques.contains(u)).forEach(uniques::add);
      }
      return new Dependents(generated, indexes, uniques, checks);
    }
  }

  /** Keeps the rows holding values a rebuild removes, when the rebuild backs them up. */
  private static List<String> saveRemovedValues(RebuildEnum change, List<Table> users,
      Backups backups) {
    QualifiedName name = change.after().name();
    List<String> removed = change.removedValues();
    List<String> out = new ArrayList<>();
    for (Table table : users) {
      for (Column column : enumColumns(table, name)) {
        if (!removed.isEmpty() && change.backup() && keeps(table, column)) {
          out.add(backups.createSchema(name.schema()));
          out.addAll(backups.saveEnumValues(name, table, column, removed));
        }
      }
    }
    return out;
  }

  /** Converts a column to the rebuilt type through its text value, keeping its default. */
  private static List<String> retypeEnumColumn(Table table, Column column) {
    String alter = alter(table.name()) + "ALTER COLUMN " + ident(column.name()) + " ";
    boolean array = column.type().endsWith("[]");
    List<String> out = new ArrayList<>();
    if (column.defaultSql() != null) {
      out.add(alter + "DROP DEFAULT;");
    }
    out.add(alter + "TYPE " + column.type() + " USING " + ident(column.name())
        + (array ? "::text[]::" : "::text::") + column.type() + ";");
    if (column.defaultSql() != null) {
      out.add(alter + "SET DEFAULT " + column.defaultSql() + ";");
    }
    return out;
  }

  /** Puts back the values a forward rebuild kept, when this (reverse) rebuild restores them. */
  private static List<String> restoreRemovedValues(RebuildEnum change, List<Table> users,
      Backups backups) {
    QualifiedName name = change.after().name();
    List<String> restored = change.restore() ? change.after().values().stream()
        .filter(v -> !change.before().values().contains(v)).toList() : List.of();
    List<String> out = new ArrayList<>();
    for (Table table : users) {
      for (Column column : enumColumns(table, name)) {
        if (!restored.isEmpty() && keeps(table, column)) {
          out.addAll(backups.restoreEnumValues(name, table, column));
        }
      }
    }
    return out;
  }


  private static List<Column> enumColumns(Table table, QualifiedName type) {
    return table.columns().stream().filter(c -> type.equals(c.enumType())).toList();
  }

  /** Whether removed enum values of this column can be kept: by primary key, for single values. */
  private static boolean keeps(Table table, Column column) {
    return table.primaryKey() != null && !column.type().endsWith("[]");
  }

  /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] ... ON table ...} for {@code index}. */
  public static String createIndex(QualifiedName table, Index index, boolean concurrently) {
    return createIndex(table, index, concurrently, false);
  }

  static String createIndex(QualifiedName table, Index index, boolean concurrently,
      boolean ifNotExists) {
    StringBuilder sql = new StringBuilder("CREATE ");
    if (index.unique()) {
      sql.append("UNIQUE ");
    }
    sql.append("INDEX ");
    if (concurrently) {
      sql.append("CONCURRENTLY ");
    }
    if (ifNotExists) {
      sql.append("IF NOT EXISTS ");
    }
    sql.append(ident(index.name())).append(" ON ").append(ident(table))
        .append(" USING ").append(index.method()).append(" (")
        .append(index.keys().stream().map(SqlRenderer::indexKey).collect(Collectors.joining(", ")))
        .append(')');
    if (!index.include().isEmpty()) {
      sql.append(" INCLUDE (").append(idents(index.include())).append(')');
    }
    if (index.nullsNotDistinct()) {
      sql.append(" NULLS NOT DISTINCT");
    }
    if (!index.with().isEmpty()) {
      sql.append(" WITH (").append(String.join(", ", index.with())).append(')');
    }
    if (index.tablespace() != null) {
      sql.append(" TABLESPACE ").append(ident(index.tablespace()));
    }
    if (index.where() != null) {
      sql.append(" WHERE ").append(index.where());
    }
    return sql.append(';').toString();
  }

  private static String indexKey(IndexKey key) {
    String sql = key.column() != null ? ident(key.column()) : "(" + key.expression() + ")";
    if (key.collation() != null) {
      sql += " COLLATE " + ident(key.collation());
    }
    if (key.opclass() != null) {
      sql += " " + key.opclass();
    }
    return sql + key.orderSql();
  }

  private static String foreignKey(ForeignKey fk) {
    StringBuilder sql = new StringBuilder("FOREIGN KEY (").append(idents(fk.columns())).append(") REFERENCES ")
        .append(ident(fk.target())).append(" (").append(idents(fk.targetColumns())).append(')');
    if (fk.matchFull()) {
      sql.append(" MATCH FULL");
    }
    if (fk.onDelete() != ReferentialAction.NO_ACTION) {
      sql.append(" ON DELETE ").append(fk.onDelete().sql());
    }
    if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
      sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
    }
    return sql.append(Deferral.clause(fk.deferrable())).toString();
  }

  private static String primaryKey(PrimaryKey key) {
    return "PRIMARY KEY (" + idents(key.columns()) + ")" + Deferral.clause(key.deferrable());
  }
}
