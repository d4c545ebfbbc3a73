package dev.plinth.schema.diff;

import static dev.plinth.schema.model.Table.minus;
import static dev.plinth.schema.model.Table.plus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Extension;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.Grant;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.Partition;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.Namespace;
import dev.plinth.schema.model.Policy;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Role;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.StandaloneSequence;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.Trigger;
import dev.plinth.schema.model.UniqueConstraint;
import dev.plinth.schema.model.View;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One step of a migration. Every change knows its exact inverse and how it transforms a schema
 * model, so that {@code apply(before, diff(before, after)) == after} and a migration's reverse is
 * the reversed list of inverses.
 *
 * <p>Changes are part of the committed journal format: each kind is tagged by its literal
 * {@code "op"} name ({@link JsonTypeName}) and each component by its literal key
 * ({@link JsonProperty}), so renaming a class or a component never changes that format.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
public sealed interface Change {

  /** The change that undoes this one. */
  Change inverse();

  /** The schema after this change. */
  Schema applyTo(Schema schema);

  /** Calls the method of {@code visitor} for this kind of change. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of change, none with a default: code that must handle every kind
   * (rendering, naming, linting) implements it, so that a new kind does not compile until each of
   * them does.
   *
   * @param <R> what the visitor makes of a change
   */
  interface Visitor<R> {
    R visitCreateSchema(CreateSchema change);

    R visitDropSchema(DropSchema change);

    R visitRenameSchema(RenameSchema change);

    R visitAlterSchema(AlterSchema change);

    R visitCreateExtension(CreateExtension change);

    R visitDropExtension(DropExtension change);

    R visitCreateEnum(CreateEnum change);

    R visitDropEnum(DropEnum change);

    R visitCreateTable(CreateTable change);

    R visitDropTable(DropTable change);

    R visitRenameTable(RenameTable change);

    R visitAddColumn(AddColumn change);

    R visitDropColumn(DropColumn change);

    R visitRenameColumn(RenameColumn change);

    R visitAlterColumn(AlterColumn change);

    R visitAddPrimaryKey(AddPrimaryKey change);

    R visitDropPrimaryKey(DropPrimaryKey change);

    R visitAddUnique(AddUnique change);

    R visitDropUnique(DropUnique change);

    R visitAddCheck(AddCheck change);

    R visitDropCheck(DropCheck change);

    R visitAddIndex(AddIndex change);

    R visitDropIndex(DropIndex change);

    R visitAddForeignKey(AddForeignKey change);

    R visitDropForeignKey(DropForeignKey change);

    R visitSetTableComment(SetTableComment change);

    R visitAddEnumValue(AddEnumValue change);

    R visitRebuildEnum(RebuildEnum change);

    R visitRenameEnum(RenameEnum change);

    R visitRenameEnumValue(RenameEnumValue change);

    R visitRenameIndex(RenameIndex change);

    R visitRenameConstraint(RenameConstraint change);

    R visitCreateView(CreateView change);

    R visitDropView(DropView change);

    R visitReplaceView(ReplaceView change);

    R visitRefreshView(RefreshView change);

    R visitAlterView(AlterView change);

    R visitValidateConstraint(ValidateConstraint change);

    R visitAlterForeignKey(AlterForeignKey change);

    R visitAlterIndex(AlterIndex change);

    R visitCreateFunction(CreateFunction change);

    R visitDropFunction(DropFunction change);

    R visitReplaceFunction(ReplaceFunction change);

    R visitCreateTrigger(CreateTrigger change);

    R visitDropTrigger(DropTrigger change);

    R visitSetRowSecurity(SetRowSecurity change);

    R visitCreatePolicy(CreatePolicy change);

    R visitDropPolicy(DropPolicy change);

    R visitAlterPolicy(AlterPolicy change);

    R visitRenamePolicy(RenamePolicy change);

    R visitChangeGrant(ChangeGrant change);

    R visitChangeFunctionGrant(ChangeFunctionGrant change);

    R visitCreateRole(CreateRole change);

    R visitKeepRole(KeepRole change);

    R visitAddPartition(AddPartition change);

    R visitDetachPartition(DetachPartition change);

    R visitAlterPartitionBound(AlterPartitionBound change);

    R visitCreateDomain(CreateDomain change);

    R visitDropDomain(DropDomain change);

    R visitAlterDomain(AlterDomain change);

    R visitRenameDomain(RenameDomain change);

    R visitCreateSequence(CreateSequence change);

    R visitDropSequence(DropSequence change);

    R visitAlterSequence(AlterSequence change);

    R visitRenameSequence(RenameSequence change);
  }

  /** Creates a PostgreSQL schema (namespace). */
  @JsonTypeName("CreateSchema")
  @JsonPropertyOrder({"name"})
  record CreateSchema(@JsonProperty("name") String name) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCreateSchema(this);
    }

    public Change inverse() {
      return new DropSchema(name);
    }

    public Schema applyTo(Schema schema) {
      return schema;
    }
  }

  /** Drops an empty PostgreSQL schema (namespace). */
  @JsonTypeName("DropSchema")
  @JsonPropertyOrder({"name"})
  record DropSchema(@JsonProperty("name") String name) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropSchema(this);
    }

    public Change inverse() {
      return new CreateSchema(name);
    }

    public Schema applyTo(Schema schema) {
      return schema;
    }
  }

  /**
   * Renames a PostgreSQL schema in place ({@code ALTER SCHEMA ... RENAME TO}): the tables, views and
   * enum types in it, and its declaration, follow, and so do foreign keys and columns that name
   * them.
   */
  @JsonTypeName("RenameSchema")
  @JsonPropertyOrder({"from", "to"})
  record RenameSchema(@JsonProperty("from") String from, @JsonProperty("to") String to)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRenameSchema(this);
    }

    public Change inverse() {
      return new RenameSchema(to, from);
    }

    public Schema applyTo(Schema schema) {
      Schema result = schema;
      for (EnumType type : schema.enums()) {
        if (type.name().schema().equals(from)) {
          result = new RenameEnum(type.name(), moved(type.name())).applyTo(result);
        }
      }
      for (Table table : schema.tables()) {
        if (table.name().schema().equals(from)) {
          result = new RenameTable(table.name(), moved(table.name())).applyTo(result);
        }
      }
      for (View view : schema.views()) {
        if (view.name().schema().equals(from)) {
          result = result.withoutView(view.name())
              .withView(view.withName(moved(view.name())));
        }
      }
      for (Domain domain : schema.domains()) {
        if (domain.name().schema().equals(from)) {
          result = new RenameDomain(domain.name(), moved(domain.name())).applyTo(result);
        }
      }
      for (StandaloneSequence sequence : schema.sequences()) {
        if (sequence.name().schema().equals(from)) {
          result = result.withoutSequence(sequence.name()).withSequence(sequence.withName(moved(sequence.name())));
        }
      }
      Namespace declared = result.declared(from).orElse(null);
      return declared == null ? result
          : result.withoutDeclared(from).withDeclared(declared.withName(to));
    }

    private QualifiedName moved(QualifiedName name) {
      return new QualifiedName(to, name.name());
    }
  }

  /**
   * Declares a schema that exists (the one {@link CreateSchema} made, or one that tables named),
   * changes its declaration, or takes it back (null): {@code COMMENT ON SCHEMA} when the comment
   * changes.
   */
  @JsonTypeName("AlterSchema")
  @JsonPropertyOrder({"name", "before", "after"})
  record AlterSchema(
      @JsonProperty("name") String name,
      @JsonProperty("before") @JsonInclude(JsonInclude.Include.NON_NULL) Namespace before,
      @JsonProperty("after") @JsonInclude(JsonInclude.Include.NON_NULL) Namespace after)
      implements Change {
    public AlterSchema {
      before = before == null ? null : before.definition();
      after = after == null ? null : after.definition();
    }

    /** The comment before, or null. */
    public String beforeComment() {
      return before == null ? null : before.comment();
    }

    /** The comment after, or null. */
    public String afterComment() {
      return after == null ? null : after.comment();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAlterSchema(this);
    }

    public Change inverse() {
      return new AlterSchema(name, after, before);
    }

    public Schema applyTo(Schema schema) {
      return after == null ? schema.withoutDeclared(name) : schema.withDeclared(after);
    }
  }

  /**
   * Creates an extension, such as {@code vector}, if it does not exist. With {@code marked}, a
   * creation leaves a mark in the migration's backup schema, and the inverse drops the extension
   * only when that mark is there and nothing uses it any more: rolling back drops an extension only
   * if the migration created it, and keeps it while what rolling back keeps still uses it. Absent
   * (false) from entries written before it existed, which render as they always did.
   */
  @JsonTypeName("CreateExtension")
  @JsonPropertyOrder({"name", "marked", "declaration"})
  record CreateExtension(
      @JsonProperty("name") String name,
      @JsonProperty("marked") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean marked,
      @JsonProperty("declaration") Extension declaration)
      implements Change {
    public CreateExtension(String name) {
      this(name, false);
    }

    public CreateExtension(String name, boolean marked) {
      this(name, marked, null);
    }

    /**
     * An extension declared with {@code @Extension} ({@code declaration}): created (marked) when
     * the database does not have it, with a message naming it when the server does not offer it;
     * the inverse drops it when a Plinth migration created it.
     */
    public static CreateExtension declared(Extension declaration) {
      return new CreateExtension(declaration.name(), true, declaration);
    }

    /** Whether it is declared with {@code @Extension}. */
    public boolean declared() {
      return declaration != null;
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCreateExtension(this);
    }

    public Change inverse() {
      return new DropExtension(name, marked, declaration);
    }

    public Schema applyTo(Schema schema) {
      return declaration == null ? schema : schema.withDeclaredExtensions(
          plus(minus(schema.declaredExtensions(), e -> e.name().equals(name)), declaration));
    }
  }

  /**
   * Drops an extension that no column needs any more; with {@code marked} (the inverse of a marked
   * {@link CreateExtension}), only when the mark of its creation by the migration is there. With a
   * {@code declaration} (an {@code @Extension} that goes), only when the mark of a Plinth
   * migration's creation of it is there, and only while nothing uses it.
   */
  @JsonTypeName("DropExtension")
  @JsonPropertyOrder({"name", "marked", "declaration"})
  record DropExtension(
      @JsonProperty("name") String name,
      @JsonProperty("marked") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean marked,
      @JsonProperty("declaration") Extension declaration)
      implements Change {
    public DropExtension(String name) {
      this(name, false);
    }

    public DropExtension(String name, boolean marked) {
      this(name, marked, null);
    }

    /** Whether it is declared with {@code @Extension}. */
    public boolean declared() {
      return declaration != null;
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropExtension(this);
    }

    public Change inverse() {
      return new CreateExtension(name, marked, declaration);
    }

    public Schema applyTo(Schema schema) {
      return declaration == null ? schema : schema.withDeclaredExtensions(
          minus(schema.declaredExtensions(), e -> e.name().equals(name)));
    }
  }

  /** Creates an enum type. */
  @JsonTypeName("CreateEnum")
  @JsonPropertyOrder({"type"})
  record CreateEnum(@JsonProperty("type") EnumType type) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCreateEnum(this);
    }

    public Change inverse() {
      return new DropEnum(type);
    }

    public Schema applyTo(Schema schema) {
      return schema.withEnum(type);
    }
  }

  /** Drops an enum type no column uses any more. */
  @JsonTypeName("DropEnum")
  @JsonPropertyOrder({"type"})
  record DropEnum(@JsonProperty("type") EnumType type) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropEnum(this);
    }

    public Change inverse() {
      return new CreateEnum(type);
    }

    public Schema applyTo(Schema schema) {
      return schema.withoutEnum(type.name());
    }
  }

  /**
   * Creates a table with its columns, primary key, unique and check constraints; with
   * {@code restore}, moves it back from where a lossless drop kept it, rows and all.
   *
   * <p>With {@code keptByRollback} (and {@code restore}), the backup is the one that rolling this
   * migration back leaves: the table is taken back from there when a rollback kept it, and created
   * otherwise. Absent from entries written before it existed, which render as they always did.
   *
   * <p>With {@code dropsGenerated} (for PostgreSQL before 15, see
   * {@link GeneratedColumns#forTarget(Schema, List, int)}), the kept copy drops the generated
   * columns that read an enum type or domain, and taking it back adds them again, rather than
   * keeping them plain meanwhile. Absent from entries written before it existed.
   */
  @JsonTypeName("CreateTable")
  @JsonPropertyOrder({"table", "restore", "keptByRollback", "dropsGenerated"})
  record CreateTable(
      @JsonProperty("table") Table table,
      @JsonProperty("restore") boolean restore,
      @JsonProperty("keptByRollback") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      boolean keptByRollback,
      @JsonProperty("dropsGenerated") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      boolean dropsGenerated)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCreateTable(this);
    }

    public CreateTable {
      table = table.bare();
    }

    public CreateTable(Table table) {
      this(table, false, false);
    }

    public CreateTable(Table table, boolean restore) {
      this(table, restore, false);
    }

    public CreateTable(Table table, boolean restore, boolean keptByRollback) {
      this(table, restore, keptByRollback, false);
    }

    /** The same change, its kept copy without the generated columns that read an enum type or domain. */
    public CreateTable withDropsGenerated() {
      return new CreateTable(table, restore, keptByRollback, true);
    }

    /** A new table that rolling back keeps, rows and all, and migrating again takes back. */
    public static CreateTable rollbackKeeping(Table table) {
      return new CreateTable(table, true, true);
    }

    public Change inverse() {
      return new DropTable(table, restore, keptByRollback, dropsGenerated);
    }

    public Schema applyTo(Schema schema) {
      return schema.withTable(table);
    }
  }

  /**
   * Drops a table whose indexes and foreign keys were dropped before; with {@code backup}, moves it
   * to the migration's backup schema instead, so that the reverse can restore it with its rows.
   *
   * <p>With {@code keptByRollback}, this is the reverse of creating the table: the backup is
   * labelled with the table's definition, so that only the same migration takes it back.
   *
   * <p>{@code dropsGenerated} as for {@link CreateTable}, whose inverse it is.
   */
  @JsonTypeName("DropTable")
  @JsonPropertyOrder({"table", "backup", "keptByRollback", "dropsGenerated"})
  record DropTable(
      @JsonProperty("table") Table table,
      @JsonProperty("backup") boolean backup,
      @JsonProperty("keptByRollback") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      boolean keptByRollback,
      @JsonProperty("dropsGenerated") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      boolean dropsGenerated)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropTable(this);
    }

    public DropTable {
      table = table.bare();
    }

    public DropTable(Table table, boolean backup) {
      this(table, backup, false);
    }

    public DropTable(Table table, boolean backup, boolean keptByRollback) {
      this(table, backup, keptByRollback, false);
    }

    /** The same change, its kept copy without the generated columns that read an enum type or domain. */
    public DropTable withDropsGenerated() {
      return new DropTable(table, backup, keptByRollback, true);
    }

    public Change inverse() {
      return new CreateTable(table, backup, keptByRollback, dropsGenerated);
    }

    public Schema applyTo(Schema schema) {
      return schema.withoutTable(table.name());
    }
  }

  /** Renames a table and/or moves it to another schema. */
  @JsonTypeName("RenameTable")
  @JsonPropertyOrder({"from", "to"})
  record RenameTable(
      @JsonProperty("from") QualifiedName from,
      @JsonProperty("to") QualifiedName to)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRenameTable(this);
    }

    public Change inverse() {
      return new RenameTable(to, from);
    }

    public Schema applyTo(Schema schema) {
      Table table = schema.table(from).orElseThrow();
      Schema renamed = schema.withoutTable(from).withTable(table.withName(to))
          .withTriggersMoved(from, to).withSequenceOwners(from, null, to, null);
      // Foreign keys elsewhere follow the table, as they do in PostgreSQL.
      for (Table other : renamed.tables()) {
        if (other.foreignKeys().stream().anyMatch(fk -> fk.target().equals(from))) {
          renamed = renamed.withTable(other.withForeignKeys(other.foreignKeys().stream()
              .map(fk -> fk.target().equals(from) ? fk.withTarget(to) : fk).toList()));
        }
      }
      return renamed;
    }
  }

  /**
   * Adds a column. With a {@code restoreKey} (the row key its lossless drop kept the values by),
   * fills it from that backup.
   *
   * <p>With {@code keptByRollback} (and a {@code restoreKey}, the table's primary key), the backup
   * is the one that rolling this migration back leaves: the values are put back when a rollback
   * kept them; otherwise the column is only added. Absent from entries written before it existed.
   */
  @JsonTypeName("AddColumn")
  @JsonPropertyOrder({"table", "column", "restoreKey", "keptByRollback", "matchByValues"})
  record AddColumn(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("column") Column column,
      @JsonProperty("restoreKey") List<String> restoreKey,
      @JsonProperty("keptByRollback") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      boolean keptByRollback,
      @JsonProperty("matchByValues") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      boolean matchByValues)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAddColumn(this);
    }

    public AddColumn {
      restoreKey = restoreKey == null ? List.of() : List.copyOf(restoreKey);
    }

    public AddColumn(QualifiedName table, Column column) {
      this(table, column, List.of(), false);
    }

    public AddColumn(QualifiedName table, Column column, List<String> restoreKey,
        boolean keptByRollback) {
      this(table, column, restoreKey, keptByRollback, false);
    }

    public AddColumn(QualifiedName table, Column column, List<String> restoreKey) {
      this(table, column, restoreKey, false);
    }

    /**
     * A new column whose values rolling back keeps by {@code key} (the table's primary key), and
     * migrating again puts back; without a key, rolling back drops them.
     */
    public static AddColumn rollbackKeeping(QualifiedName table, Column column, List<String> key) {
      return new AddColumn(table, column, key, !key.isEmpty());
    }

    public Change inverse() {
      return new DropColumn(table, column, restoreKey, keptByRollback, matchByValues);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withColumns(plus(t.columns(), column)));
    }
  }

  /**
   * Drops a column. With a {@code backupKey} (the table's primary key columns), first copies its
   * values with their row keys to the migration's backup schema.
   *
   * <p>With {@code matchByValues}, the {@code backupKey} is no key but the columns that survive the
   * migration unchanged (when no primary key does, e.g. the dropped column is part of it): rows are
   * matched by their values as text (NULLs alike), and rows alike in all of them are paired one to
   * one. Absent from entries written before it existed.
   *
   * <p>With {@code keptByRollback}, this is the reverse of adding the column: the backup is
   * labelled with the column's definition, so that only the same migration puts the values back.
   */
  @JsonTypeName("DropColumn")
  @JsonPropertyOrder({"table", "column", "backupKey", "keptByRollback", "matchByValues"})
  record DropColumn(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("column") Column column,
      @JsonProperty("backupKey") List<String> backupKey,
      @JsonProperty("keptByRollback") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      boolean keptByRollback,
      @JsonProperty("matchByValues") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      boolean matchByValues)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropColumn(this);
    }

    public DropColumn {
      backupKey = backupKey == null ? List.of() : List.copyOf(backupKey);
    }

    public DropColumn(QualifiedName table, Column column, List<String> backupKey) {
      this(table, column, backupKey, false);
    }

    public DropColumn(QualifiedName table, Column column, List<String> backupKey,
        boolean keptByRollback) {
      this(table, column, backupKey, keptByRollback, false);
    }

    public Change inverse() {
      return new AddColumn(table, column, backupKey, keptByRollback, matchByValues);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table,
          t -> t.withColumns(minus(t.columns(), c -> c.name().equals(column.name()))));
    }
  }

  /** Renames a column. */
  @JsonTypeName("RenameColumn")
  @JsonPropertyOrder({"table", "from", "to"})
  record RenameColumn(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("from") String from,
      @JsonProperty("to") String to)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRenameColumn(this);
    }

    public Change inverse() {
      return new RenameColumn(table, to, from);
    }

    /**
     * Keys, indexes, checks and foreign keys (also those of other tables that reference the
     * column) follow the column, as they do in PostgreSQL.
     */
    public Schema applyTo(Schema schema) {
      UnaryOperator<List<String>> rename = names -> names.stream().map(n -> n.equals(from) ? to : n).toList();
      UnaryOperator<String> sql = text -> Expressions.renameColumn(text, from, to);
      Schema result = schema.editTable(table, t -> t
          .withColumns(t.columns().stream().map(c -> c.name().equals(from) ? c.withName(to) : c)
              .map(c -> c.isGenerated() ? c.withGenerated(sql.apply(c.generated())) : c).toList())
          .withChecks(t.checks().stream()
              .map(c -> new CheckConstraint(c.name(), sql.apply(c.expression()))).toList())
          .withPrimaryKey(t.primaryKey() == null ? null
              : t.primaryKey().withColumns(rename.apply(t.primaryKey().columns())))
          .withUniques(t.uniques().stream()
              .map(u -> u.withColumns(rename.apply(u.columns()))).toList())
          .withIndexes(t.indexes().stream().map(i -> i.withParts(
              i.keys().stream().map(k -> from.equals(k.column())
                  ? k.withColumn(to)
                  : k.expression() != null
                      ? k.withExpression(sql.apply(k.expression())) : k)
                  .toList(),
              sql.apply(i.where()), rename.apply(i.include())))
              .toList())
          .withForeignKeys(t.foreignKeys().stream()
              .map(f -> f.withColumns(rename.apply(f.columns()), f.targetColumns()))
              .toList())
          .withSecurity(t.access().withPolicies(t.access().policies().stream()
              .map(p -> p.withExpressions(sql.apply(p.using()), sql.apply(p.withCheck())))
              .toList()))
          .withPartitioning(t.partitioning() == null ? null
              : t.partitioning().withColumnRenamed(from, to)));
      for (Table other : result.tables()) {
        if (other.foreignKeys().stream().anyMatch(f -> f.target().equals(table))) {
          result = result.withTable(other.withForeignKeys(other.foreignKeys().stream()
              .map(f -> f.target().equals(table)
                  ? f.withColumns(f.columns(), rename.apply(f.targetColumns())) : f)
              .toList()));
        }
      }
      return result.withSequenceOwners(table, from, table, to);
    }
  }

  /**
   * Changes a column's type, nullability, default, identity or comment (same name). With a
   * {@code backupKey}, a type change that can lose values first copies them aside by row key;
   * with a {@code restoreKey}, they are put back after the change.
   *
   * <p>With a {@code backfill}, a column that becomes NOT NULL first gives its NULL rows the
   * backfill's value (keeping their keys), and one that becomes nullable again (the inverse) sets
   * those rows back to NULL. Absent from entries written before it existed, which render as they
   * always did.
   *
   * <p>A generated column whose expression changes gets the new one in place with
   * {@code setExpression} ({@code SET EXPRESSION AS}, PostgreSQL 17 and later); without it, it is
   * dropped and added again. One that becomes plain keeps its values ({@code DROP EXPRESSION}); a
   * plain one that becomes generated is dropped and added again, its values computed (they are
   * kept by {@code backupKey} for the reverse).
   *
   * <p>With {@code plainByCopy} (for PostgreSQL before 15, see
   * {@link GeneratedColumns#keepsDependencies}), a generated column becomes plain not by
   * {@code DROP EXPRESSION} but as a new column that takes its values and then its place and name:
   * those versions keep the column depending on what the expression named, so that dropping or
   * rebuilding that (an enum type) would drop the column with it. Absent from entries written
   * before it existed, which render as they always did.
   */
  @JsonTypeName("AlterColumn")
  @JsonPropertyOrder({"table", "before", "after", "backupKey", "restoreKey", "backfill", "setExpression",
      "plainByCopy"})
  record AlterColumn(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("before") Column before,
      @JsonProperty("after") Column after,
      @JsonProperty("backupKey") List<String> backupKey,
      @JsonProperty("restoreKey") List<String> restoreKey,
      @JsonProperty("backfill") @JsonInclude(JsonInclude.Include.NON_NULL) Backfill backfill,
      @JsonProperty("setExpression") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean setExpression,
      @JsonProperty("plainByCopy") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean plainByCopy)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAlterColumn(this);
    }

    public AlterColumn {
      if (!before.name().equals(after.name())) {
        throw new IllegalArgumentException("AlterColumn keeps the name: " + before.name());
      }
      backupKey = backupKey == null ? List.of() : List.copyOf(backupKey);
      restoreKey = restoreKey == null ? List.of() : List.copyOf(restoreKey);
    }

    public AlterColumn(QualifiedName table, Column before, Column after) {
      this(table, before, after, List.of(), List.of());
    }

    public AlterColumn(QualifiedName table, Column before, Column after, List<String> backupKey,
        List<String> restoreKey) {
      this(table, before, after, backupKey, restoreKey, null);
    }

    public AlterColumn(QualifiedName table, Column before, Column after, List<String> backupKey,
        List<String> restoreKey, Backfill backfill) {
      this(table, before, after, backupKey, restoreKey, backfill, false);
    }

    public AlterColumn(QualifiedName table, Column before, Column after, List<String> backupKey,
        List<String> restoreKey, Backfill backfill, boolean setExpression) {
      this(table, before, after, backupKey, restoreKey, backfill, setExpression, false);
    }

    /** The same change, filling the column's NULL rows with {@code fill} as it becomes NOT NULL. */
    public AlterColumn withBackfill(Backfill fill) {
      return new AlterColumn(table, before, after, backupKey, restoreKey, fill, setExpression, plainByCopy);
    }

    /** Whether a generated column's expression changes (it stays generated). */
    public boolean changesExpression() {
      return before.isGenerated() && after.isGenerated()
          && !Canonical.expression(before.generated()).equals(Canonical.expression(after.generated()));
    }

    /**
     * The same change, giving a generated column its new expression in place (PostgreSQL 17 and
     * later) rather than dropping and adding it again.
     */
    public AlterColumn withSetExpression() {
      return new AlterColumn(table, before, after, backupKey, restoreKey, backfill, true, plainByCopy);
    }

    /** Whether a generated column becomes plain, or a plain one generated. */
    public boolean switchesGeneration() {
      return before.isGenerated() != after.isGenerated();
    }

    /**
     * The same change, making the generated column plain by a copy (and so, in its inverse, too)
     * rather than by {@code DROP EXPRESSION}.
     */
    public AlterColumn withPlainByCopy() {
      return new AlterColumn(table, before, after, backupKey, restoreKey, backfill, setExpression, true);
    }

    /** Whether a generated column becomes plain by a copy ({@code plainByCopy}). */
    public boolean copiesPlain() {
      return plainByCopy && before.isGenerated() && !after.isGenerated();
    }

    /**
     * Whether the column gets another type or collation: {@code ALTER COLUMN ... TYPE}, which a
     * view reading the column does not allow.
     */
    public boolean retypes() {
      return !before.type().equals(after.type())
          || !java.util.Objects.equals(before.collation(), after.collation());
    }

    /**
     * Whether the column is dropped and added again: a plain column becoming generated (PostgreSQL
     * cannot make a column generated), or a new expression not set in place.
     */
    public boolean readdsGenerated() {
      return after.isGenerated() && (!before.isGenerated() || changesExpression() && !setExpression());
    }

    /** Whether what reads the column (views, policies, trigger conditions) must let go of it first. */
    public boolean reshapes() {
      return retypes() || readdsGenerated() || copiesPlain();
    }

    /** Whether the column becomes NOT NULL. */
    public boolean setsNotNull() {
      return before.nullable() && !after.nullable();
    }

    /**
     * Whether an identity column that switches between ALWAYS and BY DEFAULT does so in place
     * ({@code SET GENERATED}): it does when the change records its sequence, as every change has
     * done since sequences are recorded; in older journals it is dropped and added again.
     */
    public boolean inPlace() {
      return before.identity().isIdentity() && after.identity().isIdentity()
          && (before.sequence() != null || after.sequence() != null);
    }

    public Change inverse() {
      return new AlterColumn(table, after, before, restoreKey, backupKey, backfill, setExpression, plainByCopy);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withColumns(t.columns().stream()
          .map(c -> c.name().equals(after.name()) ? after : c).toList()));
    }
  }

  /**
   * Adds a primary key; with {@code usingIndex}, through a unique index built {@code CONCURRENTLY}
   * first (the strict plan, for a table that existed before; absent (false) in entries written
   * before it existed and in relaxed ones).
   */
  @JsonTypeName("AddPrimaryKey")
  @JsonPropertyOrder({"table", "key", "usingIndex"})
  record AddPrimaryKey(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("key") PrimaryKey key,
      @JsonProperty("usingIndex") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean usingIndex)
      implements Change {
    public AddPrimaryKey(QualifiedName table, PrimaryKey key) {
      this(table, key, false);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAddPrimaryKey(this);
    }

    public Change inverse() {
      return new DropPrimaryKey(table, key, usingIndex);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withPrimaryKey(key));
    }
  }

  /** Drops a primary key; {@code usingIndex} as for {@link AddPrimaryKey}, whose inverse it is. */
  @JsonTypeName("DropPrimaryKey")
  @JsonPropertyOrder({"table", "key", "usingIndex"})
  record DropPrimaryKey(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("key") PrimaryKey key,
      @JsonProperty("usingIndex") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean usingIndex)
      implements Change {
    public DropPrimaryKey(QualifiedName table, PrimaryKey key) {
      this(table, key, false);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropPrimaryKey(this);
    }

    public Change inverse() {
      return new AddPrimaryKey(table, key, usingIndex);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withPrimaryKey(null));
    }
  }

  /**
   * Adds a unique constraint; with {@code usingIndex}, through a unique index built
   * {@code CONCURRENTLY} first (the strict plan, for a table that existed before; absent (false) in
   * entries written before it existed and in relaxed ones).
   */
  @JsonTypeName("AddUnique")
  @JsonPropertyOrder({"table", "unique", "usingIndex"})
  record AddUnique(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("unique") UniqueConstraint unique,
      @JsonProperty("usingIndex") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean usingIndex)
      implements Change {
    public AddUnique(QualifiedName table, UniqueConstraint unique) {
      this(table, unique, false);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAddUnique(this);
    }

    public Change inverse() {
      return new DropUnique(table, unique, usingIndex);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withUniques(plus(t.uniques(), unique)));
    }
  }

  /** Drops a unique constraint; {@code usingIndex} as for {@link AddUnique}, whose inverse it is. */
  @JsonTypeName("DropUnique")
  @JsonPropertyOrder({"table", "unique", "usingIndex"})
  record DropUnique(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("unique") UniqueConstraint unique,
      @JsonProperty("usingIndex") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean usingIndex)
      implements Change {
    public DropUnique(QualifiedName table, UniqueConstraint unique) {
      this(table, unique, false);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropUnique(this);
    }

    public Change inverse() {
      return new AddUnique(table, unique, usingIndex);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table,
          t -> t.withUniques(minus(t.uniques(), u -> u.name().equals(unique.name()))));
    }
  }

  /** Adds a check constraint. */
  @JsonTypeName("AddCheck")
  @JsonPropertyOrder({"table", "check"})
  record AddCheck(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("check") CheckConstraint check)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAddCheck(this);
    }

    public Change inverse() {
      return new DropCheck(table, check);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withChecks(plus(t.checks(), check)));
    }
  }

  /** Drops a check constraint. */
  @JsonTypeName("DropCheck")
  @JsonPropertyOrder({"table", "check"})
  record DropCheck(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("check") CheckConstraint check)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropCheck(this);
    }

    public Change inverse() {
      return new AddCheck(table, check);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table,
          t -> t.withChecks(minus(t.checks(), c -> c.name().equals(check.name()))));
    }
  }

  /**
   * Creates an index; {@code concurrent} builds it {@code CONCURRENTLY} though the index does not ask
   * for it (the strict plan, for a table that existed before; absent (false) in entries written
   * before it existed and in relaxed ones).
   */
  @JsonTypeName("AddIndex")
  @JsonPropertyOrder({"table", "index", "concurrent"})
  record AddIndex(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("index") Index index,
      @JsonProperty("concurrent") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean concurrent)
      implements Change {
    public AddIndex(QualifiedName table, Index index) {
      this(table, index, false);
    }

    /** Whether it runs {@code CONCURRENTLY}, outside a transaction: asked by the index or the plan. */
    public boolean concurrently() {
      return concurrent || index.concurrently();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAddIndex(this);
    }

    public Change inverse() {
      return new DropIndex(table, index, concurrent);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withIndexes(plus(t.indexes(), index)));
    }
  }

  /** Drops an index; {@code concurrent} as for {@link AddIndex}. */
  @JsonTypeName("DropIndex")
  @JsonPropertyOrder({"table", "index", "concurrent"})
  record DropIndex(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("index") Index index,
      @JsonProperty("concurrent") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean concurrent)
      implements Change {
    public DropIndex(QualifiedName table, Index index) {
      this(table, index, false);
    }

    /** Whether it runs {@code CONCURRENTLY}, outside a transaction: asked by the index or the plan. */
    public boolean concurrently() {
      return concurrent || index.concurrently();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropIndex(this);
    }

    public Change inverse() {
      return new AddIndex(table, index, concurrent);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table,
          t -> t.withIndexes(minus(t.indexes(), i -> i.name().equals(index.name()))));
    }
  }

  /** Adds a foreign key. */
  @JsonTypeName("AddForeignKey")
  @JsonPropertyOrder({"table", "key"})
  record AddForeignKey(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("key") ForeignKey key)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAddForeignKey(this);
    }

    public Change inverse() {
      return new DropForeignKey(table, key);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withForeignKeys(plus(t.foreignKeys(), key)));
    }
  }

  /** Drops a foreign key. */
  @JsonTypeName("DropForeignKey")
  @JsonPropertyOrder({"table", "key"})
  record DropForeignKey(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("key") ForeignKey key)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropForeignKey(this);
    }

    public Change inverse() {
      return new AddForeignKey(table, key);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table,
          t -> t.withForeignKeys(minus(t.foreignKeys(), k -> k.name().equals(key.name()))));
    }
  }

  /** Sets, changes or removes (null) a table's comment. */
  @JsonTypeName("SetTableComment")
  @JsonPropertyOrder({"table", "before", "after"})
  record SetTableComment(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("before") String before,
      @JsonProperty("after") String after)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitSetTableComment(this);
    }

    public Change inverse() {
      return new SetTableComment(table, after, before);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withComment(after));
    }
  }

  /**
   * Adds one value to an enum type, before or after an existing one ({@code ALTER TYPE ... ADD
   * VALUE}). PostgreSQL cannot remove a value, so the inverse rebuilds the type.
   */
  @JsonTypeName("AddEnumValue")
  @JsonPropertyOrder({"before", "after", "value", "beforeValue", "afterValue"})
  record AddEnumValue(
      @JsonProperty("before") EnumType before,
      @JsonProperty("after") EnumType after,
      @JsonProperty("value") String value,
      @JsonProperty("beforeValue") String beforeValue,
      @JsonProperty("afterValue") String afterValue)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAddEnumValue(this);
    }

    /** Rows holding the value after the migration make the inverse fail: nothing can hold them. */
    public Change inverse() {
      return new RebuildEnum(after, before, false, false);
    }

    public Schema applyTo(Schema schema) {
      return schema.withEnum(after);
    }
  }

  /**
   * Replaces an enum type's values (removed or reordered values): the type is renamed away, created
   * anew, and every column that uses it is converted through its text value. With {@code backup},
   * rows holding a removed value keep it in the backup and are set to NULL (or the column default);
   * with {@code restore}, those values are put back after the rebuild.
   */
  @JsonTypeName("RebuildEnum")
  @JsonPropertyOrder({"before", "after", "backup", "restore"})
  record RebuildEnum(
      @JsonProperty("before") EnumType before,
      @JsonProperty("after") EnumType after,
      @JsonProperty("backup") boolean backup,
      @JsonProperty("restore") boolean restore)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRebuildEnum(this);
    }

    public RebuildEnum(EnumType before, EnumType after) {
      this(before, after, true, false);
    }

    /** The values the rebuild takes away. */
    public List<String> removedValues() {
      return before.values().stream().filter(v -> !after.values().contains(v)).toList();
    }

    public Change inverse() {
      return new RebuildEnum(after, before, restore, backup);
    }

    public Schema applyTo(Schema schema) {
      return schema.withEnum(after);
    }
  }

  /** Renames an enum type and/or moves it to another schema; the columns keep using it. */
  @JsonTypeName("RenameEnum")
  @JsonPropertyOrder({"from", "to"})
  record RenameEnum(
      @JsonProperty("from") QualifiedName from,
      @JsonProperty("to") QualifiedName to)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRenameEnum(this);
    }

    public Change inverse() {
      return new RenameEnum(to, from);
    }

    public Schema applyTo(Schema schema) {
      EnumType type = schema.enumType(from).orElseThrow();
      Schema result = schema.withoutEnum(from).withEnum(type.withName(to));
      for (Table table : result.tables()) {
        result = result.withTable(table.withColumns(table.columns().stream()
            .map(c -> from.equals(c.enumType()) ? c.withType(c.type().replace(from.sql(), to.sql()), to) : c)
            .toList()));
      }
      return result;
    }
  }

  /** Renames one value of an enum type, in place: rows holding it hold the new name. */
  @JsonTypeName("RenameEnumValue")
  @JsonPropertyOrder({"type", "from", "to"})
  record RenameEnumValue(
      @JsonProperty("type") QualifiedName type,
      @JsonProperty("from") String from,
      @JsonProperty("to") String to)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRenameEnumValue(this);
    }

    public Change inverse() {
      return new RenameEnumValue(type, to, from);
    }

    public Schema applyTo(Schema schema) {
      EnumType current = schema.enumType(type).orElseThrow();
      Schema result = schema.withEnum(current.withValues(current.values().stream()
          .map(v -> v.equals(from) ? to : v).toList()));
      // PostgreSQL keeps an expression's enum constant by the value, not by its label: a default,
      // and on a table with a column of the type, a generated column's expression, a check and an
      // index's predicate and key expressions follow it.
      for (Table table : result.tables()) {
        boolean typed = table.columns().stream().anyMatch(c -> type.equals(c.enumType()));
        Table renamed = table.withColumns(table.columns().stream()
            .map(c -> namedInDefault(c) ? c.withDefault(Expressions.renameLabel(c.defaultSql(), from, to))
                .withSequence(c.sequence()).withNotNullName(c.notNullName()).withGenerated(c.generated()) : c)
            .map(c -> typed && c.isGenerated() ? c.withGenerated(label(c.generated())) : c)
            .toList());
        if (typed) {
          renamed = renamed
              .withChecks(renamed.checks().stream()
                  .map(k -> new CheckConstraint(k.name(), label(k.expression()))).toList())
              .withIndexes(renamed.indexes().stream().map(i -> i.withParts(i.keys().stream()
                  .map(k -> k.expression() == null ? k : k.withExpression(label(k.expression()))).toList(),
                  label(i.where()), i.include())).toList());
        }
        if (!renamed.equals(table)) {
          result = result.withTable(renamed);
        }
      }
      return result;
    }

    /** {@code sql} with the label renamed where it names it; null stays null. */
    private String label(String sql) {
      return sql != null && Expressions.namesLabel(sql, from) ? Expressions.renameLabel(sql, from, to) : sql;
    }


    private boolean namedInDefault(Column column) {
      return type.equals(column.enumType()) && column.defaultSql() != null
          && Expressions.namesLabel(column.defaultSql(), from);
    }
  }

  /** Renames an index (when only its name changed, e.g. after its table was renamed). */
  @JsonTypeName("RenameIndex")
  @JsonPropertyOrder({"table", "from", "to"})
  record RenameIndex(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("from") String from,
      @JsonProperty("to") String to)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRenameIndex(this);
    }

    public Change inverse() {
      return new RenameIndex(table, to, from);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withIndexes(t.indexes().stream()
          .map(i -> i.name().equals(from) ? i.withName(to) : i).toList()));
    }
  }

  /**
   * Renames a primary key, unique, check or foreign key constraint (when only its name changed);
   * PostgreSQL renames a key's index with it.
   */
  @JsonTypeName("RenameConstraint")
  @JsonPropertyOrder({"table", "from", "to"})
  record RenameConstraint(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("from") String from,
      @JsonProperty("to") String to)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRenameConstraint(this);
    }

    public Change inverse() {
      return new RenameConstraint(table, to, from);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t
          .withPrimaryKey(t.primaryKey() != null && t.primaryKey().name().equals(from)
              ? t.primaryKey().withName(to) : t.primaryKey())
          .withUniques(t.uniques().stream()
              .map(u -> u.name().equals(from) ? u.withName(to) : u).toList())
          .withChecks(t.checks().stream()
              .map(c -> c.name().equals(from) ? new CheckConstraint(to, c.expression()) : c).toList())
          .withForeignKeys(t.foreignKeys().stream()
              .map(f -> f.name().equals(from) ? f.withName(to) : f).toList()));
    }
  }

  /** Creates a view (also again, after a change to what it reads). */
  @JsonTypeName("CreateView")
  @JsonPropertyOrder({"view"})
  record CreateView(@JsonProperty("view") View view) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCreateView(this);
    }

    public Change inverse() {
      return new DropView(view);
    }

    public Schema applyTo(Schema schema) {
      return schema.withView(view);
    }
  }

  /** Drops a view (also for the time of a change to what it reads); a view holds no data. */
  @JsonTypeName("DropView")
  @JsonPropertyOrder({"view"})
  record DropView(@JsonProperty("view") View view) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropView(this);
    }

    public Change inverse() {
      return new CreateView(view);
    }

    public Schema applyTo(Schema schema) {
      return schema.withoutView(view.name());
    }
  }

  /**
   * Changes a view's query. When the new query keeps the old one's columns and only adds some after
   * them ({@link #inPlace()}), {@code CREATE OR REPLACE VIEW} changes it where it stands and the
   * views that read it stay; otherwise (the inverse of adding columns, say) the view is dropped and
   * created, with the views that read it ({@link #readers}) dropped before and created after.
   */
  @JsonTypeName("ReplaceView")
  @JsonPropertyOrder({"before", "after"})
  record ReplaceView(@JsonProperty("before") View before, @JsonProperty("after") View after)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitReplaceView(this);
    }

    public Change inverse() {
      return new ReplaceView(after, before);
    }

    public Schema applyTo(Schema schema) {
      return schema.withView(after);
    }

    /** Whether {@code CREATE OR REPLACE VIEW} makes it (PostgreSQL accepts the new columns). */
    public boolean inPlace() {
      return ViewChanges.replaceable(before, after);
    }

    /**
     * The views of {@code state} that read the view, directly or through others, each after the
     * views it reads: dropped (in the opposite order) and created again around a change that is
     * not {@link #inPlace()}.
     */
    public List<View> readers(Schema state) {
      return ViewChanges.readersOf(state.views(), before);
    }
  }

  /**
   * Changes a view's options ({@code security_barrier}, {@code check_option},
   * {@code security_invoker}) or comment in place: {@code ALTER VIEW ... SET (...)} for the options
   * {@code after} sets, {@code RESET (...)} for those it drops, {@code COMMENT ON VIEW}. The two
   * views differ in nothing else.
   */
  @JsonTypeName("AlterView")
  @JsonPropertyOrder({"before", "after"})
  record AlterView(@JsonProperty("before") View before, @JsonProperty("after") View after)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAlterView(this);
    }

    public Change inverse() {
      return new AlterView(after, before);
    }

    public Schema applyTo(Schema schema) {
      return schema.withView(after);
    }
  }

  /**
   * Refreshes a materialized view ({@code @View(refresh)} raised): {@code REFRESH MATERIALIZED VIEW},
   * {@code CONCURRENTLY} when PostgreSQL allows it ({@link #concurrently()}). Its inverse refreshes
   * the view again: its rows are derived from its tables, so there is nothing to restore, only rows
   * to compute from the tables as the reverse leaves them.
   */
  @JsonTypeName("RefreshView")
  @JsonPropertyOrder({"before", "after"})
  record RefreshView(@JsonProperty("before") View before, @JsonProperty("after") View after)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRefreshView(this);
    }

    public Change inverse() {
      return new RefreshView(after, before);
    }

    public Schema applyTo(Schema schema) {
      return schema.withView(after);
    }

    /** Whether the refresh lets readers go on ({@link ViewRefresh#concurrently}). */
    public boolean concurrently() {
      return ViewRefresh.concurrently(after);
    }
  }

  /**
   * Validates a check or foreign key constraint that an earlier migration added {@code NOT VALID}
   * to an existing table: the scan of its rows takes a lock that lets writes go on, in a
   * transaction of its own (the migration of {@link MigrationPlan#split(List, boolean) strict}
   * plans). The schema model does not change; undoing it ({@code undo}) has nothing to do, since a
   * validated constraint is what migrating again leaves.
   */
  @JsonTypeName("ValidateConstraint")
  @JsonPropertyOrder({"table", "name", "undo"})
  record ValidateConstraint(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("name") String name,
      @JsonProperty("undo") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean undo)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitValidateConstraint(this);
    }

    public Change inverse() {
      return new ValidateConstraint(table, name, !undo);
    }

    public Schema applyTo(Schema schema) {
      return schema;
    }
  }

  /**
   * Changes when a foreign key is checked ({@code ALTER CONSTRAINT ... [NOT] DEFERRABLE}), in place:
   * {@code before} and {@code after} differ in {@link ForeignKey#deferrable()} only.
   */
  @JsonTypeName("AlterForeignKey")
  @JsonPropertyOrder({"table", "before", "after"})
  record AlterForeignKey(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("before") ForeignKey before,
      @JsonProperty("after") ForeignKey after)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAlterForeignKey(this);
    }

    public Change inverse() {
      return new AlterForeignKey(table, after, before);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withForeignKeys(t.foreignKeys().stream()
          .map(k -> k.name().equals(after.name()) ? after : k).toList()));
    }
  }

  /** Creates a function (also again, after a change {@code CREATE OR REPLACE} cannot make). */
  @JsonTypeName("CreateFunction")
  @JsonPropertyOrder({"function"})
  record CreateFunction(@JsonProperty("function") Function function) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCreateFunction(this);
    }

    public Change inverse() {
      return new DropFunction(function);
    }

    public Schema applyTo(Schema schema) {
      return schema.withFunction(function);
    }
  }

  /** Drops a function whose triggers were dropped before; its body is kept in the journal. */
  @JsonTypeName("DropFunction")
  @JsonPropertyOrder({"function"})
  record DropFunction(@JsonProperty("function") Function function) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropFunction(this);
    }

    public Change inverse() {
      return new CreateFunction(function);
    }

    public Schema applyTo(Schema schema) {
      return schema.withoutFunction(function.name());
    }
  }

  /**
   * Enables or disables row-level security on a table, and forces it on the table's owner or not.
   *
   * @param before {@code [enabled, forced]} before
   * @param after {@code [enabled, forced]} after
   */
  @JsonTypeName("SetRowSecurity")
  @JsonPropertyOrder({"table", "before", "after"})
  record SetRowSecurity(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("before") List<Boolean> before,
      @JsonProperty("after") List<Boolean> after)
      implements Change {
    public SetRowSecurity {
      before = List.copyOf(before);
      after = List.copyOf(after);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitSetRowSecurity(this);
    }

    public Change inverse() {
      return new SetRowSecurity(table, after, before);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table,
          t -> t.withSecurity(t.access().withRowSecurity(after.get(0), after.get(1))));
    }
  }

  /** Creates a row-level security policy on a table. */
  @JsonTypeName("CreatePolicy")
  @JsonPropertyOrder({"table", "policy"})
  record CreatePolicy(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("policy") Policy policy)
      implements Change {
    public CreatePolicy {
      policy = policy.withRenamedFrom(null);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCreatePolicy(this);
    }

    public Change inverse() {
      return new DropPolicy(table, policy);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withSecurity(t.access().withPolicies(
          plus(minus(t.access().policies(), p -> p.name().equals(policy.name())), policy))));
    }
  }

  /** Drops a row-level security policy (before its table, when the table goes). */
  @JsonTypeName("DropPolicy")
  @JsonPropertyOrder({"table", "policy"})
  record DropPolicy(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("policy") Policy policy)
      implements Change {
    public DropPolicy {
      policy = policy.withRenamedFrom(null);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropPolicy(this);
    }

    public Change inverse() {
      return new CreatePolicy(table, policy);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withSecurity(t.access().withPolicies(
          minus(t.access().policies(), p -> p.name().equals(policy.name())))));
    }
  }

  /**
   * Changes an index's storage parameters ({@code ALTER INDEX ... SET (...)} / {@code RESET (...)})
   * and/or tablespace ({@code SET TABLESPACE}), in place: {@code before} and {@code after} differ in
   * {@link Index#with()} and {@link Index#tablespace()} only.
   */
  @JsonTypeName("AlterIndex")
  @JsonPropertyOrder({"table", "before", "after"})
  record AlterIndex(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("before") Index before,
      @JsonProperty("after") Index after)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAlterIndex(this);
    }

    public Change inverse() {
      return new AlterIndex(table, after, before);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withIndexes(t.indexes().stream()
          .map(i -> i.name().equals(after.name()) ? after : i).toList()));
    }
  }

  /**
   * Changes the roles, {@code USING} or {@code WITH CHECK} expression of a policy in place (same
   * name, command and kind; no expression removed: those are dropped and created instead).
   */
  @JsonTypeName("AlterPolicy")
  @JsonPropertyOrder({"table", "before", "after"})
  record AlterPolicy(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("before") Policy before,
      @JsonProperty("after") Policy after)
      implements Change {
    public AlterPolicy {
      before = before.withRenamedFrom(null);
      after = after.withRenamedFrom(null);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAlterPolicy(this);
    }

    public Change inverse() {
      return new AlterPolicy(table, after, before);
    }

    public Schema applyTo(Schema schema) {
      return new CreatePolicy(table, after).applyTo(schema);
    }

    /** Whether {@code ALTER POLICY} can turn {@code from} into {@code to}, both ways. */
    public static boolean possible(Policy from, Policy to) {
      return from.name().equals(to.name()) && from.command().equals(to.command())
          && from.permissive() == to.permissive()
          && (from.using() == null) == (to.using() == null)
          && (from.withCheck() == null) == (to.withCheck() == null);
    }
  }

  /** Renames a policy ({@code renamedFrom}). */
  @JsonTypeName("RenamePolicy")
  @JsonPropertyOrder({"table", "from", "to"})
  record RenamePolicy(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("from") String from,
      @JsonProperty("to") String to)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRenamePolicy(this);
    }

    public Change inverse() {
      return new RenamePolicy(table, to, from);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withSecurity(t.access().withPolicies(
          t.access().policies().stream().map(p -> p.name().equals(from) ? p.withName(to) : p)
              .toList())));
    }
  }

  /**
   * Replaces a function's body (or language) in place, {@code CREATE OR REPLACE FUNCTION}: the same
   * name, arguments and return type ({@link Function#replaceableBy}). The inverse puts the
   * {@code before} body back.
   */
  @JsonTypeName("ReplaceFunction")
  @JsonPropertyOrder({"before", "after"})
  record ReplaceFunction(
      @JsonProperty("before") Function before,
      @JsonProperty("after") Function after)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitReplaceFunction(this);
    }

    public Change inverse() {
      return new ReplaceFunction(after, before);
    }

    public Schema applyTo(Schema schema) {
      return schema.withFunction(after);
    }
  }

  /** Creates a trigger (also again, after a change to it, its function or what it reads). */
  @JsonTypeName("CreateTrigger")
  @JsonPropertyOrder({"trigger"})
  record CreateTrigger(@JsonProperty("trigger") Trigger trigger) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCreateTrigger(this);
    }

    public Change inverse() {
      return new DropTrigger(trigger);
    }

    public Schema applyTo(Schema schema) {
      return schema.withTrigger(trigger);
    }
  }

  /** Drops a trigger; a trigger holds no data. */
  @JsonTypeName("DropTrigger")
  @JsonPropertyOrder({"trigger"})
  record DropTrigger(@JsonProperty("trigger") Trigger trigger) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropTrigger(this);
    }

    public Change inverse() {
      return new CreateTrigger(trigger);
    }

    public Schema applyTo(Schema schema) {
      return schema.withoutTrigger(trigger);
    }
  }

  /**
   * Grants a role the privileges on a table or view (or a sequence in the table's schema) it has
   * after and not before, and revokes those it has before and not after.
   *
   * @param on the table or view
   * @param before the privileges before, sorted (empty for none)
   * @param after the privileges after, sorted (empty for none)
   * @param sequence the sequence, in {@code on}'s schema, the privileges are on; null for
   *     {@code on} itself
   */
  @JsonTypeName("ChangeGrant")
  @JsonPropertyOrder({"on", "role", "before", "after", "sequence"})
  record ChangeGrant(
      @JsonProperty("on") QualifiedName on,
      @JsonProperty("role") String role,
      @JsonProperty("before") List<String> before,
      @JsonProperty("after") List<String> after,
      @JsonProperty("sequence") @JsonInclude(JsonInclude.Include.NON_NULL) String sequence)
      implements Change {
    public ChangeGrant {
      before = new Grant(role, before).privileges();
      after = new Grant(role, after).privileges();
    }

    /** Privileges on the table or view itself. */
    public ChangeGrant(QualifiedName on, String role, List<String> before, List<String> after) {
      this(on, role, before, after, null);
    }

    /** What the privileges are on: the sequence, or the table or view. */
    public QualifiedName object() {
      return sequence == null ? on : new QualifiedName(on.schema(), sequence);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitChangeGrant(this);
    }

    public Change inverse() {
      return new ChangeGrant(on, role, after, before, sequence);
    }

    public Schema applyTo(Schema schema) {
      UnaryOperator<List<Grant>> edit = grants -> {
        List<Grant> result = minus(grants,
            g -> g.role().equals(role) && Objects.equals(g.sequence(), sequence));
        return after.isEmpty() ? result : plus(result, new Grant(role, after, sequence));
      };
      if (schema.table(on).isPresent()) {
        return schema.editTable(on, t -> t.withSecurity(t.access().withGrants(
            edit.apply(t.access().grants()))));
      }
      View view = schema.view(on).orElseThrow(() -> new IllegalStateException("no table " + on));
      return schema.withView(view.withGrants(edit.apply(view.grants())));
    }
  }

  /**
   * Grants a role {@code EXECUTE} on a function, or revokes it: the function's privileges go from
   * its {@linkplain Function#acl() access list} before to the one after, one role at a time
   * ({@code PUBLIC} among them, which PostgreSQL grants {@code EXECUTE} on a new function).
   *
   * @param function the function
   * @param arguments its argument list, which tells it from another function of the same name
   * @param before the privileges before, sorted (empty for none)
   * @param after the privileges after, sorted (empty for none)
   */
  @JsonTypeName("ChangeFunctionGrant")
  @JsonPropertyOrder({"function", "arguments", "role", "before", "after"})
  record ChangeFunctionGrant(
      @JsonProperty("function") QualifiedName function,
      @JsonProperty("arguments") String arguments,
      @JsonProperty("role") String role,
      @JsonProperty("before") List<String> before,
      @JsonProperty("after") List<String> after)
      implements Change {
    public ChangeFunctionGrant {
      arguments = arguments == null ? "" : arguments;
      before = new Grant(role, before).privileges();
      after = new Grant(role, after).privileges();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitChangeFunctionGrant(this);
    }

    public Change inverse() {
      return new ChangeFunctionGrant(function, arguments, role, after, before);
    }

    public Schema applyTo(Schema schema) {
      Function f = schema.function(function)
          .orElseThrow(() -> new IllegalStateException("no function " + function));
      List<Grant> acl = minus(f.acl(), g -> g.role().equals(role));
      return schema.withFunction(f.withGrants(after.isEmpty() ? acl : plus(acl, new Grant(role, after))));
    }
  }

  /** Creates a role when the cluster does not have it yet. */
  @JsonTypeName("CreateRole")
  @JsonPropertyOrder({"role"})
  record CreateRole(@JsonProperty("role") Role role) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCreateRole(this);
    }

    public Change inverse() {
      return new KeepRole(role);
    }

    public Schema applyTo(Schema schema) {
      return schema.withRole(role);
    }
  }

  /**
   * Stops declaring a role, which stays in the cluster: other databases of the cluster may use it,
   * so it is dropped only by hand ({@code DROP ROLE}).
   */
  @JsonTypeName("KeepRole")
  @JsonPropertyOrder({"role"})
  record KeepRole(@JsonProperty("role") Role role) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitKeepRole(this);
    }

    public Change inverse() {
      return new CreateRole(role);
    }

    public Schema applyTo(Schema schema) {
      return schema.withoutRole(role);
    }
  }

  /**
   * Creates a partition of a partitioned table ({@code CREATE TABLE ... PARTITION OF ... FOR
   * VALUES}); with {@code restore}, moves the one a {@link DetachPartition} kept back from the
   * backup and attaches it again, rows and all. With {@code keptByRollback} (and {@code restore}),
   * the backup is the one rolling this migration back leaves: the partition is taken back from
   * there when a rollback kept it, and created otherwise. {@code dropsGenerated} as for
   * {@link CreateTable}.
   */
  @JsonTypeName("AddPartition")
  @JsonPropertyOrder({"table", "partition", "restore", "keptByRollback", "dropsGenerated"})
  record AddPartition(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("partition") Partition partition,
      @JsonProperty("restore") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean restore,
      @JsonProperty("keptByRollback") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      boolean keptByRollback,
      @JsonProperty("dropsGenerated") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      boolean dropsGenerated)
      implements Change {
    public AddPartition(QualifiedName table, Partition partition, boolean restore, boolean keptByRollback) {
      this(table, partition, restore, keptByRollback, false);
    }

    /** The same change, its kept copy without the generated columns that read an enum type or domain. */
    public AddPartition withDropsGenerated() {
      return new AddPartition(table, partition, restore, keptByRollback, true);
    }

    /** A new partition that rolling back keeps, rows and all, and migrating again takes back. */
    public static AddPartition rollbackKeeping(QualifiedName table, Partition partition) {
      return new AddPartition(table, partition, true, true);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAddPartition(this);
    }

    public Change inverse() {
      return new DetachPartition(table, partition, restore, keptByRollback, false, dropsGenerated);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withPartitioning(t.partitioning().withPartitions(
          plus(minus(t.partitioning().partitions(), p -> p.name().equals(partition.name())), partition))));
    }
  }

  /**
   * Detaches a partition from its table; with {@code backup}, moves it, rows and all, to the
   * migration's backup schema, from where the inverse attaches it again. {@code concurrent}
   * detaches it {@code CONCURRENTLY}, outside a transaction (the strict plan, see
   * {@link MigrationPlan}); {@code keptByRollback} and {@code dropsGenerated} as for
   * {@link AddPartition}.
   */
  @JsonTypeName("DetachPartition")
  @JsonPropertyOrder({"table", "partition", "backup", "keptByRollback", "concurrent", "dropsGenerated"})
  record DetachPartition(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("partition") Partition partition,
      @JsonProperty("backup") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean backup,
      @JsonProperty("keptByRollback") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      boolean keptByRollback,
      @JsonProperty("concurrent") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean concurrent,
      @JsonProperty("dropsGenerated") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      boolean dropsGenerated)
      implements Change {
    public DetachPartition(QualifiedName table, Partition partition, boolean backup, boolean keptByRollback,
        boolean concurrent) {
      this(table, partition, backup, keptByRollback, concurrent, false);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDetachPartition(this);
    }

    public DetachPartition concurrently() {
      return new DetachPartition(table, partition, backup, keptByRollback, true, dropsGenerated);
    }

    /** The same change, its kept copy without the generated columns that read an enum type or domain. */
    public DetachPartition withDropsGenerated() {
      return new DetachPartition(table, partition, backup, keptByRollback, concurrent, true);
    }

    public Change inverse() {
      return new AddPartition(table, partition, backup, keptByRollback, dropsGenerated);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withPartitioning(t.partitioning().withPartitions(
          minus(t.partitioning().partitions(), p -> p.name().equals(partition.name())))));
    }
  }

  /**
   * Gives a partition other bounds: detaches it and attaches it again with them, its rows staying
   * in it (they must fit the new bounds).
   */
  @JsonTypeName("AlterPartitionBound")
  @JsonPropertyOrder({"table", "before", "after"})
  record AlterPartitionBound(
      @JsonProperty("table") QualifiedName table,
      @JsonProperty("before") Partition before,
      @JsonProperty("after") Partition after)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAlterPartitionBound(this);
    }

    public Change inverse() {
      return new AlterPartitionBound(table, after, before);
    }

    public Schema applyTo(Schema schema) {
      return new AddPartition(table, after, false, false).applyTo(schema);
    }
  }

  /** Creates a domain, before the tables that use it. */
  @JsonTypeName("CreateDomain")
  @JsonPropertyOrder({"domain"})
  record CreateDomain(@JsonProperty("domain") Domain domain) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCreateDomain(this);
    }

    public Change inverse() {
      return new DropDomain(domain);
    }

    public Schema applyTo(Schema schema) {
      return schema.withDomain(domain);
    }
  }

  /** Drops a domain no column uses any more. */
  @JsonTypeName("DropDomain")
  @JsonPropertyOrder({"domain"})
  record DropDomain(@JsonProperty("domain") Domain domain) implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropDomain(this);
    }

    public Change inverse() {
      return new CreateDomain(domain);
    }

    public Schema applyTo(Schema schema) {
      return schema.withoutDomain(domain.name());
    }
  }

  /**
   * Changes a domain in place, with the same name and base type: default, NOT NULL, checks (a
   * check that keeps its expression under another name is renamed), comment.
   */
  @JsonTypeName("AlterDomain")
  @JsonPropertyOrder({"before", "after"})
  record AlterDomain(
      @JsonProperty("before") Domain before,
      @JsonProperty("after") Domain after)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAlterDomain(this);
    }

    public Change inverse() {
      return new AlterDomain(after, before);
    }

    public Schema applyTo(Schema schema) {
      return schema.withDomain(after);
    }
  }

  /** Renames a domain in place ({@code ALTER DOMAIN ... RENAME TO}): its columns keep using it. */
  @JsonTypeName("RenameDomain")
  @JsonPropertyOrder({"from", "to"})
  record RenameDomain(
      @JsonProperty("from") QualifiedName from,
      @JsonProperty("to") QualifiedName to)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRenameDomain(this);
    }

    public Change inverse() {
      return new RenameDomain(to, from);
    }

    public Schema applyTo(Schema schema) {
      Domain domain = schema.domain(from).orElseThrow();
      Schema result = schema.withoutDomain(from).withDomain(domain.withName(to));
      for (Table table : result.tables()) {
        if (table.columns().stream().anyMatch(c -> domain.isTypeOf(c.type()))) {
          result = result.withTable(table.withColumns(table.columns().stream()
              .map(c -> domain.isTypeOf(c.type())
                  ? c.withType(to.sql() + c.type().substring(from.sql().length()), null) : c)
              .toList()));
        }
      }
      return result;
    }
  }

  /**
   * Creates a declared sequence ({@code @Sequence}), without its owner (see {@link AlterSequence}:
   * the owning column may be created later in the migration); with {@code restore} (the inverse of
   * a {@link DropSequence} that kept it), moves it back from the migration's backup schema at the
   * position it had.
   */
  @JsonTypeName("CreateSequence")
  @JsonPropertyOrder({"sequence", "restore"})
  record CreateSequence(
      @JsonProperty("sequence") StandaloneSequence sequence,
      @JsonProperty("restore") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean restore)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCreateSequence(this);
    }

    public Change inverse() {
      return new DropSequence(sequence, restore);
    }

    public Schema applyTo(Schema schema) {
      return schema.withSequence(sequence);
    }
  }

  /**
   * Drops a declared sequence that no column owns; with {@code backup}, moves it to the migration's
   * backup schema instead, so that the inverse puts it back at the position it had.
   */
  @JsonTypeName("DropSequence")
  @JsonPropertyOrder({"sequence", "backup"})
  record DropSequence(
      @JsonProperty("sequence") StandaloneSequence sequence,
      @JsonProperty("backup") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean backup)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDropSequence(this);
    }

    public Change inverse() {
      return new CreateSequence(sequence, backup);
    }

    public Schema applyTo(Schema schema) {
      return schema.withoutSequence(sequence.name());
    }
  }

  /**
   * Changes a declared sequence in place: its type, options, owner and comment
   * ({@code ALTER SEQUENCE}, {@code COMMENT ON SEQUENCE}); it keeps its position.
   */
  @JsonTypeName("AlterSequence")
  @JsonPropertyOrder({"before", "after"})
  record AlterSequence(
      @JsonProperty("before") StandaloneSequence before,
      @JsonProperty("after") StandaloneSequence after)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAlterSequence(this);
    }

    public Change inverse() {
      return new AlterSequence(after, before);
    }

    public Schema applyTo(Schema schema) {
      return schema.withSequence(after);
    }
  }

  /** Renames a declared sequence within its schema ({@code ALTER SEQUENCE ... RENAME TO}). */
  @JsonTypeName("RenameSequence")
  @JsonPropertyOrder({"from", "to"})
  record RenameSequence(
      @JsonProperty("from") QualifiedName from,
      @JsonProperty("to") QualifiedName to)
      implements Change {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRenameSequence(this);
    }

    public Change inverse() {
      return new RenameSequence(to, from);
    }

    public Schema applyTo(Schema schema) {
      StandaloneSequence sequence = schema.sequence(from)
          .orElseThrow(() -> new IllegalStateException("no sequence " + from));
      return schema.withoutSequence(from).withSequence(sequence.withName(to));
    }
  }
}
