package dev.plinth.processor.validate;

import dev.plinth.schema.diff.Ambiguities;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Change.AddColumn;
import dev.plinth.schema.diff.Change.AddIndex;
import dev.plinth.schema.diff.Change.AddUnique;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.CreateTable;
import dev.plinth.schema.diff.Change.DropColumn;
import dev.plinth.schema.diff.Change.DropTable;
import dev.plinth.schema.diff.Change.RebuildEnum;
import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.diff.TypeChanges;
import dev.plinth.schema.journal.ExternalObjects;
import dev.plinth.processor.message.Message;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.View;
import dev.plinth.processor.read.DomainReader;
import dev.plinth.processor.read.TableDraft;
import dev.plinth.schema.render.Backups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Safety checks on the changes of a new migration, modelled on what breaks or locks production
 * databases: each finding has an id and can be acknowledged on the record or component with
 * {@code @Acknowledge}. Also refuses to guess between a rename and a drop.
 */
public final class MigrationLint {
  private static final Pattern VOLATILE = Pattern.compile(
      "(?i)\\b(random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday|nextval)\\s*\\(");
  private static final Pattern VARCHAR = Pattern.compile("(?i)(?:character varying|varchar)\\((\\d+)\\)");
  private static final Pattern LOCAL_TIMESTAMP = Pattern.compile(
      "(?i)timestamp(?:\\(\\d\\))?(?: without time zone)?");
  /** The largest value of each 16- and 32-bit integer type, by the names PostgreSQL accepts. */
  private static final Map<String, String> SMALL_INTEGERS = Map.of("integer", "2147483647",
      "int", "2147483647", "int4", "2147483647", "smallint", "32767", "int2", "32767");

  /** What PLN305 adds about a unique index built inside the migration's transaction. */
  private static final String LOCKED_INDEX_BUILD = "builds its index under a lock that blocks writes, and ";
  private static final String LOCKED_KEY_BUILD =
      "builds its unique index while the table is locked against reads and writes, and ";
  private static final String LOCKED_KEY_ADVICE = " and run the migration when the table may be locked"
      + " for the index build (on a large table, a quiet hour; a primary key that replaces another"
      + " of the same name is built so even in strict plans)";

  private final Report report;
  private final Map<QualifiedName, TableDraft> drafts;
  private final Map<QualifiedName, ViewNote> views;

  /** @param drafts the tables read in this compilation, by name */
  public MigrationLint(Report report, Map<QualifiedName, TableDraft> drafts) {
    this(report, drafts, Map.of());
  }

  /**
   * @param drafts the tables read in this compilation, by name
   * @param views where each view record is, and what it acknowledges, by view name
   */
  public MigrationLint(Report report, Map<QualifiedName, TableDraft> drafts,
      Map<QualifiedName, ViewNote> views) {
    this.report = report;
    this.drafts = drafts;
    this.views = Map.copyOf(views);
  }

  /** A view record: where it is, and the ids its {@code @Acknowledge} names. */
  public record ViewNote(Origin origin, Set<String> acknowledged) {}

  /** Reports renames that are not stated as such, before anything is diffed. */
  public void checkAmbiguities(Schema before, Schema after) {
    for (Ambiguities.ColumnAmbiguity a : Ambiguities.columns(before, after)) {
      TableDraft draft = drafts.get(a.table());
      if (draft != null && !draft.intent().droppedColumns().contains(a.dropped())) {
        report.add(Message.AMBIGUOUS_COLUMN, draft.originOf(a.added()), a.added(), a.table(),
            a.dropped(), a.dropped(), a.dropped(), a.dropped());
      }
    }
    for (Ambiguities.TableAmbiguity a : Ambiguities.tables(before, after)) {
      TableDraft draft = drafts.get(a.added());
      boolean stated = draft == null || draft.intent().droppedTables().contains(a.dropped().name())
          || draft.intent().droppedTables().contains(a.dropped().toString());
      if (!stated) {
        report.add(Message.AMBIGUOUS_TABLE, draft.origin(), a.added(), a.dropped(), a.dropped().name(),
            a.dropped(), a.dropped().name());
      }
    }
  }

  /**
   * Checks the changes of migration {@code version}, which start from {@code before}; with null (not
   * known), the checks that need it (the domains of added columns) are left out.
   */
  public void check(String version, Schema before, List<Change> changes) {
    Set<QualifiedName> created = new HashSet<>();
    changes.stream().filter(c -> c instanceof CreateTable).forEach(c -> created.add(((CreateTable) c).table().name()));
    Set<String> rebuilt = new HashSet<>();
    for (Change change : changes) {
      rebuiltKey(change, changes).ifPresent(finding -> {
        rebuilt.add(finding.table() + ":" + finding.args().get(0));
        report(finding);
      });
    }
    Set<QualifiedName> dropped = new HashSet<>();
    changes.stream().filter(c -> c instanceof DropTable).forEach(c -> dropped.add(((DropTable) c).table().name()));
    Checks checks = new Checks(drafts, created, dropped, new Backups(version), rebuilt,
        before == null ? null : Changes.apply(before, changes));
    for (Change change : changes) {
      change.accept(checks).forEach(this::report);
      if (change instanceof Change.RefreshView refresh) {
        checkRefresh(refresh);
      }
    }
  }

  /**
   * A view that migration {@code version} drops and creates again (around a change to what it
   * reads), or whose reverse does (a query replaced in place), while {@code external} lists what a
   * hand-written migration gave it and its record does not declare (an {@code INSTEAD OF} trigger,
   * a rule, column comments, options): created again from its record, the view is without them.
   */
  public void checkRecreatedViews(String version, List<Change> changes, ExternalObjects external) {
    if (external.entries().isEmpty()) {
      return;
    }
    Set<QualifiedName> droppedViews = new HashSet<>();
    changes.stream().filter(c -> c instanceof Change.DropView)
        .forEach(c -> droppedViews.add(((Change.DropView) c).view().name()));
    java.util.Map<QualifiedName, View> recreated = new java.util.TreeMap<>();
    for (Change change : changes) {
      if (change instanceof Change.CreateView c && droppedViews.contains(c.view().name())) {
        recreated.put(c.view().name(), c.view());
      } else if (change instanceof Change.ReplaceView c) {
        recreated.put(c.after().name(), c.after());
      }
    }
    for (View view : recreated.values()) {
      ViewNote note = views.get(view.name());
      if (note != null && note.acknowledged().contains(Message.VIEW_RECREATED_LOSES.id())) {
        continue;
      }
      List<String> lost = lostWith(view, external);
      if (!lost.isEmpty()) {
        String restore = version + "_1";
        report.add(Message.VIEW_RECREATED_LOSES, note == null ? null : note.origin(), version,
            view.name(), String.join(", ", lost), restore, view.name().name(), restore,
            view.name().name(), version, version);
      }
    }
  }

  /**
   * What {@code external} lists for {@code view} (entries named {@code schema.view} or
   * {@code schema.view.*}, other than the view itself) that its record does not declare: its options
   * when it declares none, its comment when it declares none.
   */
  static List<String> lostWith(View view, ExternalObjects external) {
    String name = view.name().toString();
    List<String> lost = new ArrayList<>();
    for (ExternalObjects.Entry entry : external.entries()) {
      boolean about = entry.name().equals(name) || entry.name().startsWith(name + ".");
      if (!about || entry.kind().equals("view") || entry.kind().equals("materialized-view")
          || entry.kind().equals("view-options") && !view.options().isEmpty()
          || entry.kind().equals("comment") && entry.name().equals(name) && view.comment() != null) {
        continue;
      }
      lost.add(entry.kind() + " " + entry.name());
    }
    return lost.stream().distinct().sorted().toList();
  }

  /**
   * A refresh without {@code CONCURRENTLY} of a view that holds rows locks its readers out; one
   * created {@code WITH NO DATA} may hold none, and no reader can read it before it is filled.
   */
  private void checkRefresh(Change.RefreshView refresh) {
    View view = refresh.after();
    ViewNote note = views.get(view.name());
    if (refresh.concurrently() || view.noData()
        || note != null && note.acknowledged().contains(Message.REFRESH_LOCKS_READERS.id())) {
      return;
    }
    String columns = view.indexes().stream().filter(i -> i.unique()).findFirst()
        .map(i -> i.keys().stream().map(k -> k.column() == null ? "..." : k.column())
            .collect(java.util.stream.Collectors.joining(", ")))
        .orElse("id");
    report.add(Message.REFRESH_LOCKS_READERS, note == null ? null : note.origin(), view.name(), columns);
  }

  /**
   * A primary key or unique constraint dropped and added again under the same name to change
   * whether it is deferrable: PostgreSQL cannot alter that in place for them.
   */
  private static java.util.Optional<Finding> rebuiltKey(Change change, List<Change> changes) {
    if (change instanceof AddUnique add) {
      return changes.stream().filter(c -> c instanceof Change.DropUnique d && d.table().equals(add.table())
              && d.unique().name().equals(add.unique().name())
              && d.unique().deferrable() != add.unique().deferrable())
          .findFirst().map(c -> Finding.at(Message.KEY_REBUILT, add.table(), null,
              "Unique constraint " + add.unique().name(), add.table(),
              deferral(((Change.DropUnique) c).unique().deferrable()), deferral(add.unique().deferrable())));
    }
    if (change instanceof Change.AddPrimaryKey add) {
      return changes.stream().filter(c -> c instanceof Change.DropPrimaryKey d && d.table().equals(add.table())
              && d.key().name().equals(add.key().name())
              && d.key().deferrable() != add.key().deferrable())
          .findFirst().map(c -> Finding.at(Message.KEY_REBUILT, add.table(), null,
              "Primary key " + add.key().name(), add.table(),
              deferral(((Change.DropPrimaryKey) c).key().deferrable()), deferral(add.key().deferrable())));
    }
    return java.util.Optional.empty();
  }

  private static String deferral(dev.plinth.schema.model.Deferral deferral) {
    return deferral == null ? "NOT DEFERRABLE" : deferral.sql();
  }

  /**
   * A finding about a change. With a table, it is reported at the table's record (or the column's
   * component) unless acknowledged there; without, it is reported as it is (its acknowledgement was
   * checked where it was found).
   */
  private record Finding(Message message, QualifiedName table, String column, List<Object> args) {
    static Finding at(Message message, QualifiedName table, String column, Object... args) {
      return new Finding(message, table, column, Arrays.asList(args));
    }

    static Finding unplaced(Message message, Object... args) {
      return new Finding(message, null, null, Arrays.asList(args));
    }
  }

  private void report(Finding finding) {
    if (finding.table() == null) {
      report.add(finding.message(), null, finding.args().toArray());
    } else {
      warn(finding.message(), finding.table(), finding.column(), finding.args().toArray());
    }
  }

  /**
   * The findings of each kind of change.
   *
   * @param created the tables this migration creates, where nothing can lock or rewrite rows
   * @param dropped the tables this migration drops (their partitions are detached on the way)
   * @param after the schema the migration makes (its domains), or null when not known
   */
  private record Checks(Map<QualifiedName, TableDraft> drafts, Set<QualifiedName> created,
      Set<QualifiedName> dropped, Backups backups, Set<String> rebuilt, Schema after)
      implements Change.Visitor<List<Finding>> {
    public List<Finding> visitCreateTable(CreateTable c) {
      return (!c.restore() || c.keptByRollback()) && c.table().primaryKey() == null
          ? List.of(Finding.at(Message.NO_PRIMARY_KEY, c.table().name(), null, c.table().name()))
          : List.of();
    }

    /** Removing values, or rebuilding the type to reorder them, which retypes every column of it. */
    public List<Finding> visitRebuildEnum(RebuildEnum c) {
      List<String> removed = c.removedValues();
      Message message = removed.isEmpty() ? Message.ENUM_REBUILT : Message.ENUM_VALUES_REMOVED;
      boolean acknowledged = drafts.values().stream().anyMatch(d ->
          d.table().columns().stream().anyMatch(col -> c.after().name().equals(col.enumType()))
              && d.intent().acknowledges(null, message.id()));
      if (acknowledged) {
        return List.of();
      }
      return List.of(removed.isEmpty()
          ? Finding.unplaced(message, c.after().name(), c.before().values(), c.after().values())
          : Finding.unplaced(message, removed, c.after().name()));
    }

    public List<Finding> visitAddColumn(AddColumn c) {
      Column column = c.column();
      if (created.contains(c.table())) {
        return List.of();
      }
      List<Finding> out = new ArrayList<>();
      if (column.isGenerated()) {
        // Computed for every row as it is added, and again when added back: nothing to keep.
        out.add(Finding.at(Message.ADDS_GENERATED, c.table(), column.name(), column.name(), c.table()));
        out.addAll(typeHints(c.table(), column));
        return out;
      }
      java.util.Optional<String> typeTakingNull = after == null ? java.util.Optional.empty()
          : after.typeTakingNull(column);
      if (!column.nullable() && column.defaultSql() == null && column.identity() == Identity.NONE) {
        out.add(Finding.at(Message.NOT_NULL_WITHOUT_DEFAULT, c.table(), column.name(),
            column.name(), c.table()));
      } else if (typeTakingNull.isPresent()) {
        out.add(Finding.at(Message.NULL_REFUSING_DOMAIN_COLUMN, c.table(), column.name(), column.name(),
            c.table(), column.type(), typeTakingNull.get()));
      } else if (column.identity() != Identity.NONE
          || column.defaultSql() != null && VOLATILE.matcher(column.defaultSql()).find()) {
        out.add(Finding.at(Message.REWRITING_DEFAULT, c.table(), column.name(), column.name(),
            c.table(), column.defaultSql() == null ? column.identity().sql() : column.defaultSql()));
      }
      if (!c.keptByRollback() && c.restoreKey().isEmpty()) {
        out.add(Finding.at(Message.ROLLBACK_DROPS_VALUES, c.table(), column.name(), column.name(),
            c.table()));
      }
      out.addAll(typeHints(c.table(), column));
      return out;
    }

    /** A column's collation as the lint names it: the type's default when there is none. */
    private static String collationName(String collation) {
      return collation == null ? "the type's default" : "\"" + collation + "\"";
    }

    public List<Finding> visitAlterColumn(AlterColumn c) {
      String column = c.after().name();
      List<Finding> out = new ArrayList<>();
      if (TypeChanges.rewritesTable(c.before().type(), c.after().type())) {
        out.add(Finding.at(Message.REWRITING_TYPE_CHANGE, c.table(), column, column, c.table(),
            c.before().type(), c.after().type()));
      }
      if (c.setsNotNull() && c.backfill() == null) {
        out.add(Finding.at(Message.SET_NOT_NULL, c.table(), column, column, c.table()));
      }
      if (!TypeChanges.isLossless(c.before().type(), c.after().type()) && c.backupKey().isEmpty()) {
        out.add(Finding.at(Message.LOSSY_REVERSE, c.table(), column, c.table(), column));
      }
      if (!c.before().type().equals(c.after().type())) {
        out.add(Finding.at(Message.RETYPES_COLUMN, c.table(), column, column, c.table(),
            c.before().type(), c.after().type(), c.after().type()));
        out.addAll(typeHints(c.table(), c.after()));
      }
      if (c.before().type().equals(c.after().type())
          && !java.util.Objects.equals(c.before().collation(), c.after().collation())) {
        out.add(Finding.at(Message.COLLATION_CHANGED, c.table(), column, column, c.table(),
            collationName(c.before().collation()), collationName(c.after().collation())));
      }
      if (!c.before().nullable() && c.after().nullable()) {
        out.add(Finding.at(Message.DROPS_NOT_NULL, c.table(), column, column, c.table()));
      }
      if (c.changesExpression() && !c.setExpression()) {
        out.add(Finding.at(Message.GENERATED_READDED, c.table(), column, column));
      }
      if (!c.before().isGenerated() && c.after().isGenerated()) {
        out.add(Finding.at(Message.GENERATED_FROM_PLAIN, c.table(), column, column));
      }
      return out;
    }

    public List<Finding> visitAddIndex(AddIndex c) {
      return !created.contains(c.table()) && !c.concurrently()
          ? List.of(Finding.at(Message.INDEX_NOT_CONCURRENT, c.table(), c.index().name(),
              c.index().name(), c.table()))
          : List.of();
    }

    /**
     * A unique constraint on an existing table fails on repeated values; attached to an index built
     * concurrently (a strict plan), it no longer blocks writes while its index is built.
     */
    public List<Finding> visitAddUnique(AddUnique c) {
      return !created.contains(c.table()) && !rebuilt.contains(c.table() + ":Unique constraint " + c.unique().name())
          ? List.of(Finding.at(Message.UNIQUE_ON_EXISTING, c.table(), c.unique().name(),
              c.unique().name(), c.table(), c.usingIndex() ? "" : LOCKED_INDEX_BUILD))
          : List.of();
    }

    public List<Finding> visitDropTable(DropTable c) {
      QualifiedName name = c.table().name();
      if (!c.backup() || drafts.values().stream().anyMatch(d -> d.table().name().schema()
          .equals(name.schema()) && d.intent().acknowledges(null, Message.DROPS_TABLE.id()))) {
        return List.of();
      }
      return List.of(Finding.unplaced(Message.DROPS_TABLE, name, c.table().columns().size(),
          backups.schema(name.schema())));
    }

    /** Either the values are kept (where), or they cannot be: never both. */
    public List<Finding> visitDropColumn(DropColumn c) {
      if (c.column().isGenerated()) {
        // Its values are computed again when the reverse adds it back.
        return List.of(Finding.at(Message.DROPS_GENERATED, c.table(), null, c.column().name(), c.table()));
      }
      return List.of(c.backupKey().isEmpty()
          ? Finding.at(Message.LOSSY_REVERSE, c.table(), null, c.table(), c.column().name())
          : Finding.at(Message.DROPS_COLUMN, c.table(), null, c.column().name(),
              c.column().type(), c.table(), backups.schema(c.table().schema())));
    }

    public List<Finding> visitCreateSchema(Change.CreateSchema c) {
      return List.of();
    }

    public List<Finding> visitRenameSchema(Change.RenameSchema c) {
      return List.of(Finding.unplaced(Message.RENAMES_SCHEMA, c.from(), c.to(), c.from(), c.to()));
    }

    public List<Finding> visitAlterSchema(Change.AlterSchema c) {
      return List.of();
    }

    public List<Finding> visitDropSchema(Change.DropSchema c) {
      return List.of();
    }

    public List<Finding> visitCreateExtension(Change.CreateExtension c) {
      return List.of();
    }

    public List<Finding> visitDropExtension(Change.DropExtension c) {
      return List.of();
    }

    public List<Finding> visitCreateEnum(Change.CreateEnum c) {
      return List.of();
    }

    public List<Finding> visitDropEnum(Change.DropEnum c) {
      return List.of();
    }

    public List<Finding> visitRenameTable(Change.RenameTable c) {
      return List.of(Finding.at(Message.RENAMES_TABLE, c.to(), null, c.from(), c.to(), c.from()));
    }

    public List<Finding> visitRenameColumn(Change.RenameColumn c) {
      return List.of(Finding.at(Message.RENAMES_COLUMN, c.table(), c.to(), c.from(), c.table(),
          c.to(), c.to(), c.from()));
    }

    public List<Finding> visitAddPrimaryKey(Change.AddPrimaryKey c) {
      return created.contains(c.table()) || rebuilt.contains(c.table() + ":Primary key " + c.key().name())
          ? List.of()
          : List.of(Finding.at(Message.PRIMARY_KEY_ON_EXISTING, c.table(), null, c.key().name(),
              c.table(), c.usingIndex() ? "" : LOCKED_KEY_BUILD, c.usingIndex() ? "" : LOCKED_KEY_ADVICE));
    }

    public List<Finding> visitDropPrimaryKey(Change.DropPrimaryKey c) {
      return List.of();
    }

    public List<Finding> visitDropUnique(Change.DropUnique c) {
      return List.of();
    }

    public List<Finding> visitAddCheck(Change.AddCheck c) {
      return List.of();
    }

    public List<Finding> visitDropCheck(Change.DropCheck c) {
      return List.of();
    }

    public List<Finding> visitDropIndex(Change.DropIndex c) {
      return List.of();
    }

    public List<Finding> visitAddForeignKey(Change.AddForeignKey c) {
      return List.of();
    }

    public List<Finding> visitDropForeignKey(Change.DropForeignKey c) {
      return List.of();
    }

    public List<Finding> visitSetTableComment(Change.SetTableComment c) {
      return List.of();
    }

    public List<Finding> visitCreateView(Change.CreateView c) {
      return List.of();
    }

    public List<Finding> visitDropView(Change.DropView c) {
      return List.of();
    }

    public List<Finding> visitReplaceView(Change.ReplaceView c) {
      return List.of();
    }

    public List<Finding> visitRefreshView(Change.RefreshView c) {
      return List.of();
    }

    public List<Finding> visitAlterView(Change.AlterView c) {
      return List.of();
    }

    public List<Finding> visitCreateFunction(Change.CreateFunction c) {
      return List.of();
    }

    public List<Finding> visitDropFunction(Change.DropFunction c) {
      return List.of();
    }

    public List<Finding> visitReplaceFunction(Change.ReplaceFunction c) {
      return List.of();
    }

    public List<Finding> visitCreateTrigger(Change.CreateTrigger c) {
      return List.of();
    }

    public List<Finding> visitDropTrigger(Change.DropTrigger c) {
      return List.of();
    }

    public List<Finding> visitAddEnumValue(Change.AddEnumValue c) {
      return List.of();
    }

    public List<Finding> visitRenameEnum(Change.RenameEnum c) {
      return List.of();
    }

    public List<Finding> visitRenameEnumValue(Change.RenameEnumValue c) {
      return List.of();
    }

    public List<Finding> visitRenameIndex(Change.RenameIndex c) {
      return List.of();
    }

    public List<Finding> visitRenameConstraint(Change.RenameConstraint c) {
      return List.of();
    }

    /** A partition added to an existing table (its reverse attaches kept ones: not linted). */
    public List<Finding> visitAddPartition(Change.AddPartition c) {
      return (!c.restore() || c.keptByRollback()) && !created.contains(c.table())
          ? List.of(Finding.at(Message.ADDS_PARTITION, c.table(), null,
              c.table().schema() + "." + c.partition().name(), c.table()))
          : List.of();
    }

    /**
     * A partition the records no longer declare: its rows leave the table (not reported for a
     * table the migration drops, which {@code PLN307} covers).
     */
    public List<Finding> visitDetachPartition(Change.DetachPartition c) {
      return c.backup() && !c.keptByRollback() && !dropped.contains(c.table())
          ? List.of(Finding.at(Message.DETACHES_PARTITION, c.table(), null,
              c.table().schema() + "." + c.partition().name(), c.table(), backups.schema(c.table().schema())))
          : List.of();
    }

    public List<Finding> visitAlterPartitionBound(Change.AlterPartitionBound c) {
      return List.of();
    }

    public List<Finding> visitCreateDomain(Change.CreateDomain c) {
      return List.of();
    }

    public List<Finding> visitDropDomain(Change.DropDomain c) {
      return List.of();
    }

    /**
     * NOT NULL or checks added to a domain: validating them scans every column of the domain.
     * Acknowledged on a record with such a column, as the domain's own declaration may be on any type.
     */
    public List<Finding> visitAlterDomain(Change.AlterDomain c) {
      List<String> added = DomainChecks.added(c.before(), c.after());
      boolean acknowledged = drafts.values().stream().anyMatch(d ->
          d.table().columns().stream().anyMatch(col -> DomainReader.uses(col, c.after()))
              && d.intent().acknowledges(null, Message.DOMAIN_CONSTRAINT_ADDED.id()));
      return added.isEmpty() || acknowledged ? List.of()
          : List.of(Finding.unplaced(Message.DOMAIN_CONSTRAINT_ADDED, c.after().name(), String.join(" and ", added)));
    }

    public List<Finding> visitRenameDomain(Change.RenameDomain c) {
      return List.of();
    }

    public List<Finding> visitValidateConstraint(Change.ValidateConstraint c) {
      return List.of();
    }

    public List<Finding> visitAlterForeignKey(Change.AlterForeignKey c) {
      return List.of();
    }

    public List<Finding> visitAlterIndex(Change.AlterIndex c) {
      return List.of();
    }

    public List<Finding> visitSetRowSecurity(Change.SetRowSecurity c) {
      return List.of();
    }

    public List<Finding> visitCreatePolicy(Change.CreatePolicy c) {
      return List.of();
    }

    public List<Finding> visitDropPolicy(Change.DropPolicy c) {
      return List.of();
    }

    public List<Finding> visitAlterPolicy(Change.AlterPolicy c) {
      return List.of();
    }

    public List<Finding> visitRenamePolicy(Change.RenamePolicy c) {
      return List.of();
    }

    public List<Finding> visitChangeGrant(Change.ChangeGrant c) {
      return List.of();
    }

    public List<Finding> visitChangeFunctionGrant(Change.ChangeFunctionGrant c) {
      return List.of();
    }

    public List<Finding> visitCreateRole(Change.CreateRole c) {
      return List.of();
    }

    public List<Finding> visitKeepRole(Change.KeepRole c) {
      return List.of(Finding.unplaced(Message.ROLE_KEPT, c.role().name(), c.role().name()));
    }

    public List<Finding> visitCreateSequence(Change.CreateSequence c) {
      return List.of();
    }

    public List<Finding> visitDropSequence(Change.DropSequence c) {
      return List.of();
    }

    public List<Finding> visitAlterSequence(Change.AlterSequence c) {
      return List.of();
    }

    public List<Finding> visitRenameSequence(Change.RenameSequence c) {
      return List.of();
    }
  }

  /**
   * Hints about the type a column of an existing table gets: types that run out, mean different
   * instants to different clients, or lock the table when their length changes.
   */
  private static List<Finding> typeHints(QualifiedName table, Column column) {
    String type = column.type().trim().toLowerCase(Locale.ROOT);
    // An array's elements are of its element type: the same hints apply to them.
    String element = type.replaceAll("(\\s*\\[\\s*\\])+$", "");
    String name = column.name();
    Matcher varchar = VARCHAR.matcher(element);
    if (SMALL_INTEGERS.containsKey(element)) {
      return List.of(Finding.at(Message.INTEGER_COLUMN, table, name, name, table, type,
          SMALL_INTEGERS.get(element)));
    } else if (LOCAL_TIMESTAMP.matcher(element).matches()) {
      return List.of(Finding.at(Message.TIMESTAMP_WITHOUT_TIME_ZONE, table, name, name, table));
    } else if (varchar.matches()) {
      return List.of(Finding.at(Message.VARCHAR_LENGTH, table, name, name, table, type, name,
          varchar.group(1)));
    }
    return List.of();
  }

  /** Reports {@code message} at the table's record (or column), unless it is acknowledged there. */
  private void warn(Message message, QualifiedName table, String column, Object... args) {
    TableDraft draft = drafts.get(table);
    if (draft != null && draft.intent().acknowledges(column, message.id())) {
      return;
    }
    report.add(message, draft == null ? null : draft.originOf(column), args);
  }
}
