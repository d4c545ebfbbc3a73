package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AddCheck;
import dev.plinth.schema.diff.Change.AddColumn;
import dev.plinth.schema.diff.Change.AddForeignKey;
import dev.plinth.schema.diff.Change.AddIndex;
import dev.plinth.schema.diff.Change.AddPrimaryKey;
import dev.plinth.schema.diff.Change.AddUnique;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.AlterSchema;
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
import dev.plinth.schema.diff.Change.RenameColumn;
import dev.plinth.schema.diff.Change.RenameEnum;
import dev.plinth.schema.diff.Change.RenameSchema;
import dev.plinth.schema.diff.Change.RenameTable;
import dev.plinth.schema.diff.Change.SetTableComment;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.Named;
import dev.plinth.schema.model.Namespace;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * The differ: a pure function from two schema models to the ordered list of changes that turns
 * the first into the second. The order is a valid execution order (new namespaces, renames, new
 * types, then everything that is dropped, dependents first, then everything that is created,
 * dependencies first), so the reversed list of inverses is one too. A default that names enum
 * values the migration renames or removes is dropped before the type changes and set after them.
 */
public final class SchemaDiff {
  private SchemaDiff() {}

  /** The changes from {@code before} to {@code after}; empty when they describe the same schema. */
  public static List<Change> diff(Schema before, Schema after) {
    Phases phases = new Phases();
    // Renamed schemas first, then new ones: a renamed table may move into one.
    Schema current = renameSchemas(before, after, phases);
    setDiff(current.namespaces(), after.namespaces(),
        n -> phases.dropSchemas.add(new DropSchema(n)),
        n -> phases.createSchemas.add(new CreateSchema(n)));
    diffDeclarations(current, after, phases);
    current = renameEnums(current, after, phases);
    current = DomainChanges.diff(current, after, phases);
    current = renameTables(current, after, phases);
    current = renameColumns(current, after, phases);
    current = renameParts(current, after, phases);
    current = SecurityChanges.renamePolicies(current, after, phases.renameParts);

    // An extension that only marked creations make is never dropped by a migration: a backup of
    // the last column that used it may still need it.
    // Declared extensions (@Extension) are created and dropped by their own changes.
    Set<String> declaredNow = SequenceChanges.newlyDeclared(current, after);
    Set<String> declaredBefore = SequenceChanges.noLongerDeclared(current, after);
    setDiff(current.extensions(), after.extensions(),
        n -> {
          if (!Schema.marksCreation(n) && !declaredBefore.contains(n)) {
            phases.dropExtensions.add(new DropExtension(n));
          }
        },
        n -> {
          if (!declaredNow.contains(n)) {
            phases.createExtensions.add(new CreateExtension(n, Schema.marksCreation(n)));
          }
        });
    SequenceChanges.extensions(current, after, phases.createExtensions, phases.dropExtensions);
    current = SequenceChanges.renames(current, after, phases.sequences, phases.dropDefaults);
    SequenceChanges.diff(current, after, phases.sequences, phases.ownSequences);
    diffEnums(current, after, phases);
    Map<QualifiedName, List<String>> lostValues = lostValues(current, after);

    Map<QualifiedName, Table> beforeTables = byName(current.tables());
    Map<QualifiedName, Table> afterTables = byName(after.tables());
    for (Table old : beforeTables.values()) {
      if (!afterTables.containsKey(old.name())) {
        old.foreignKeys().forEach(fk -> phases.dropForeignKeys.add(new DropForeignKey(old.name(), fk)));
        old.indexes().forEach(i -> phases.dropIndexes.add(new DropIndex(old.name(), i)));
        PartitionChanges.dropped(old, phases);
        phases.dropTables.add(new DropTable(withoutLostDefaults(old, lostValues, phases), true));
      }
    }
    for (Table table : afterTables.values()) {
      Table old = beforeTables.get(table.name());
      if (old == null) {
        phases.createTables.add(CreateTable.rollbackKeeping(table));
        PartitionChanges.created(table, phases);
        table.indexes().forEach(i -> phases.addIndexes.add(new AddIndex(table.name(), i)));
        table.foreignKeys().forEach(fk -> phases.addForeignKeys.add(new AddForeignKey(table.name(), fk)));
      } else if (old != table && !old.equals(table) || !lostValues.isEmpty()) {
        // An equal table has nothing to diff (most of them, in a compile that changed one record).
        diffTable(old, table, lostValues, phases);
      }
    }
    recreateForeignKeysOnReplacedKeys(current, after, phases);
    List<Change> columnChanges = new ArrayList<>(phases.alterColumns);
    columnChanges.addAll(phases.dropColumns);
    columnChanges.addAll(phases.createEnums);
    SecurityChanges.diff(current, after, columnChanges, phases.createRoles::add,
        phases.dropSecurity::add, phases.createSecurity::add, phases.keepRoles::add);
    // A view whose privileges change is created again with them (views hold no rows).
    return ViewChanges.around(before, after,
        RoutineChanges.around(before, after, phases.ordered()));
  }

  /** {@code before} with the renames that {@code after} states applied (and nothing else). */
  public static Schema withRenames(Schema before, Schema after) {
    Phases ignored = new Phases();
    return renameColumns(renameTables(renameSchemas(before, after, ignored), after, ignored), after,
        ignored);
  }

  /**
   * Schemas declared with {@code renamedFrom} whose old name is there before and gone after (and
   * whose new one is not there before) are renamed in place, with everything in them.
   */
  private static Schema renameSchemas(Schema before, Schema after, Phases phases) {
    Schema current = before;
    for (Namespace schema : after.schemas()) {
      String from = schema.renamedFrom();
      if (from != null && !current.namespaces().contains(schema.name())
          && current.namespaces().contains(from) && !after.namespaces().contains(from)) {
        RenameSchema rename = new RenameSchema(from, schema.name());
        phases.renameSchemas.add(rename);
        current = rename.applyTo(current);
      }
    }
    return current;
  }

  /** Declarations added, changed (comment, package) or taken back, of schemas that exist. */
  private static void diffDeclarations(Schema current, Schema after, Phases phases) {
    for (Namespace old : current.schemas()) {
      if (after.declared(old.name()).isEmpty()) {
        phases.declarations.add(new AlterSchema(old.name(), old, null));
      }
    }
    for (Namespace schema : after.schemas()) {
      Namespace old = current.declared(schema.name()).orElse(null);
      if (old == null || !old.definition().equals(schema.definition())) {
        phases.declarations.add(new AlterSchema(schema.name(), old, schema));
      }
    }
  }

  /**
   * {@code before} with the schema renames that the {@code declared} schemas state applied: the
   * state that records not compiled again (an incremental compile) are read in, so that they
   * follow their schema's rename.
   */
  public static Schema withSchemaRenames(Schema before, List<Namespace> declared) {
    Set<String> names = new HashSet<>();
    declared.forEach(s -> names.add(s.name()));
    Schema current = before;
    for (Namespace schema : declared) {
      String from = schema.renamedFrom();
      if (from != null && !names.contains(from) && !current.namespaces().contains(schema.name())
          && current.namespaces().contains(from)) {
        current = new RenameSchema(from, schema.name()).applyTo(current);
      }
    }
    return current;
  }

  private static Schema renameEnums(Schema before, Schema after, Phases phases) {
    Schema current = before;
    for (EnumType type : after.enums()) {
      if (type.renamedFrom() == null) {
        continue;
      }
      QualifiedName from = renamedFrom(type.renamedFrom(), type.name().schema(), phases);
      if (current.enumType(type.name()).isEmpty() && current.enumType(from).isPresent()
          && after.enumType(from).isEmpty()) {
        RenameEnum rename = new RenameEnum(from, type.name());
        phases.renames.add(rename);
        current = rename.applyTo(current);
      }
    }
    return current;
  }

  private static Schema renameTables(Schema before, Schema after, Phases phases) {
    Schema current = before;
    for (Table table : after.tables()) {
      if (table.renamedFrom() == null) {
        continue;
      }
      QualifiedName from = renamedFrom(table.renamedFrom(), table.name().schema(), phases);
      boolean renamable = current.table(table.name()).isEmpty()
          && current.table(from).isPresent()
          && after.table(from).isEmpty();
      if (renamable) {
        RenameTable rename = new RenameTable(from, table.name());
        phases.renames.add(rename);
        current = rename.applyTo(current);
      }
    }
    return current;
  }

  private static Schema renameColumns(Schema current, Schema after, Phases phases) {
    for (Table table : after.tables()) {
      if (table.columns().stream().allMatch(c -> c.renamedFrom() == null)) {
        continue;
      }
      Optional<Table> old = current.table(table.name());
      if (old.isEmpty()) {
        continue;
      }
      for (Column column : table.columns()) {
        String from = column.renamedFrom();
        if (from == null) {
          continue;
        }
        // Looked up again after each rename; only for renamed columns (a lookup is a linear scan).
        Table oldTable = current.table(table.name()).orElseThrow();
        boolean renamable = oldTable.column(column.name()).isEmpty()
            && oldTable.column(from).isPresent()
            && table.column(from).isEmpty();
        if (renamable) {
          RenameColumn rename = new RenameColumn(table.name(), from, column.name());
          phases.renames.add(rename);
          current = rename.applyTo(current);
        }
      }
    }
    return current;
  }

  /**
   * Indexes and constraints whose definition is unchanged but whose name is not (their table was
   * renamed, say) are renamed in place instead of being dropped and built again.
   */
  private static Schema renameParts(Schema current, Schema after, Phases phases) {
    for (Table table : after.tables()) {
      Optional<Table> found = current.table(table.name());
      if (found.isEmpty()) {
        continue;
      }
      Table old = found.get();
      List<Change> renames = new ArrayList<>();
      matchRenames(old.indexes(), table.indexes(), (a, b) -> sameIndex(a.withName(b.name()), b),
          (a, b) -> renames.add(new Change.RenameIndex(table.name(), a.name(), b.name())));
      matchRenames(old.uniques(), table.uniques(), (a, b) -> a.withName(b.name()).equals(b),
          (a, b) -> renames.add(new Change.RenameConstraint(table.name(), a.name(), b.name())));
      matchRenames(old.checks(), table.checks(),
          (a, b) -> Canonical.expression(a.expression()).equals(Canonical.expression(b.expression())),
          (a, b) -> renames.add(new Change.RenameConstraint(table.name(), a.name(), b.name())));
      matchRenames(old.foreignKeys(), table.foreignKeys(), (a, b) -> a.withName(b.name()).equals(b),
          (a, b) -> renames.add(new Change.RenameConstraint(table.name(), a.name(), b.name())));
      if (old.primaryKey() != null && table.primaryKey() != null
          && !old.primaryKey().name().equals(table.primaryKey().name())
          && old.primaryKey().withName(table.primaryKey().name()).equals(table.primaryKey())) {
        renames.add(new Change.RenameConstraint(table.name(), old.primaryKey().name(),
            table.primaryKey().name()));
      }
      for (Change rename : renames) {
        phases.renameParts.add(rename);
        current = rename.applyTo(current);
      }
    }
    return current;
  }

  /** Pairs items that exist only before with items that exist only after and match otherwise. */
  private static <T extends Named> void matchRenames(List<T> before, List<T> after,
      BiPredicate<T, T> sameButName, BiConsumer<T, T> rename) {
    Set<String> afterNames = new HashSet<>();
    after.forEach(i -> afterNames.add(i.name()));
    Set<String> beforeNames = new HashSet<>();
    before.forEach(i -> beforeNames.add(i.name()));
    List<T> candidates = new ArrayList<>(after.stream().filter(i -> !beforeNames.contains(i.name())).toList());
    for (T old : before) {
      if (afterNames.contains(old.name())) {
        continue;
      }
      candidates.stream().filter(n -> sameButName.test(old, n)).findFirst().ifPresent(n -> {
        rename.accept(old, n);
        candidates.remove(n);
      });
    }
  }

  /** {@code "name"} in the given schema, or {@code "schema.name"} as written. */
  /**
   * The old name a rename hint states, qualified with {@code defaultSchema}, in the schema it is in
   * once the schema renames of this diff ran: a table renamed in a schema renamed in the same
   * compile may name the schema's old name ({@code @RenamedFrom("billing.invoice")}).
   */
  private static QualifiedName renamedFrom(String name, String defaultSchema, Phases phases) {
    QualifiedName from = qualify(name, defaultSchema);
    for (Change change : phases.renameSchemas) {
      if (change instanceof RenameSchema rename && rename.from().equals(from.schema())) {
        return new QualifiedName(rename.to(), from.name());
      }
    }
    return from;
  }

  static QualifiedName qualify(String name, String defaultSchema) {
    return name.contains(".") ? QualifiedName.parse(name) : new QualifiedName(defaultSchema, name);
  }

  private static void diffEnums(Schema before, Schema after, Phases phases) {
    Map<QualifiedName, EnumType> old = new TreeMap<>();
    before.enums().forEach(e -> old.put(e.name(), e));
    Map<QualifiedName, EnumType> now = new TreeMap<>();
    after.enums().forEach(e -> now.put(e.name(), e));
    for (EnumType type : old.values()) {
      EnumType next = now.get(type.name());
      if (next == null) {
        phases.dropEnums.add(new DropEnum(type.definition()));
      } else if (!next.values().equals(type.values())) {
        EnumChanges.diff(type.definition(), next, phases);
      }
    }
    for (EnumType type : now.values()) {
      if (!old.containsKey(type.name())) {
        phases.createEnums.add(new CreateEnum(type.definition()));
      }
    }
  }

  /** By enum type (by its new name), the values it no longer has after: renamed or removed. */
  private static Map<QualifiedName, List<String>> lostValues(Schema current, Schema after) {
    Map<QualifiedName, List<String>> lost = new TreeMap<>();
    for (EnumType type : current.enums()) {
      after.enumType(type.name()).ifPresent(next -> lost.put(type.name(),
          type.values().stream().filter(v -> !next.values().contains(v)).toList()));
    }
    return lost;
  }

  /**
   * @param lostValues by enum type, the values this migration renames or removes: a column whose
   *     default names one and changes drops it before the type changes and gets the new one after
   *     them, so that neither direction sets a default naming a value that is not there
   */
  private static void diffTable(Table old, Table table, Map<QualifiedName, List<String>> lostValues,
      Phases phases) {
    QualifiedName name = table.name();
    PartitionChanges.diff(old, table, phases);
    diffNamed(old.foreignKeys(), table.foreignKeys(), SchemaDiff::sameButDeferral,
        fk -> phases.dropForeignKeys.add(new DropForeignKey(name, fk)),
        fk -> phases.addForeignKeys.add(new AddForeignKey(name, fk)));
    alterInPlace(old.foreignKeys(), table.foreignKeys(), SchemaDiff::sameButDeferral,
        Objects::equals, (a, b) -> phases.alterKeys.add(new Change.AlterForeignKey(name, a, b)));
    List<String> lost = old.columns().stream().filter(c -> c.enumType() != null)
        .flatMap(c -> lostValues.getOrDefault(c.enumType(), List.of()).stream()).distinct().toList();
    // PostgreSQL sets no storage parameters on a partitioned index: it is built again with them.
    BiPredicate<Index, Index> inPlace = old.partitioned() || table.partitioned()
        ? SchemaDiff::sameButTablespace : SchemaDiff::sameButStorage;
    diffNamed(old.indexes(), table.indexes(), inPlace,
        i -> (namesAny(lost, i.where()) || i.keys().stream().anyMatch(k -> namesAny(lost, k.expression()))
            ? phases.dropDefaults : phases.dropIndexes).add(new DropIndex(name, i)),
        i -> phases.addIndexes.add(new AddIndex(name, i)));
    alterInPlace(old.indexes(), table.indexes(), inPlace, SchemaDiff::sameIndex,
        (a, b) -> phases.alterIndexes.add(new Change.AlterIndex(name, a, b)));
    diffNamed(old.checks(), table.checks(),
        (a, b) -> Canonical.check(a).equals(Canonical.check(b)),
        c -> (namesAny(lost, c.expression()) ? phases.dropDefaults : phases.dropConstraints)
            .add(new DropCheck(name, c)),
        c -> phases.addConstraints.add(new AddCheck(name, c)));
    diffNamed(old.uniques(), table.uniques(), Objects::equals,
        u -> phases.dropConstraints.add(new DropUnique(name, u)),
        u -> phases.addConstraints.add(new AddUnique(name, u)));
    if (!Objects.equals(old.primaryKey(), table.primaryKey())) {
      if (old.primaryKey() != null) {
        phases.dropConstraints.add(new DropPrimaryKey(name, old.primaryKey()));
      }
      if (table.primaryKey() != null) {
        phases.addPrimaryKeys.add(new AddPrimaryKey(name, table.primaryKey()));
      }
    }
    List<String> key = backupKey(old, table);
    List<String> newRowKey = keptKey(old, table);
    List<Column> dropped = old.columns().stream()
        .filter(c -> table.column(c.name()).isEmpty()).toList();
    for (int i = 0; i < dropped.size(); i++) {
      Column column = dropped.get(i).definition();
      // A default or generated expression naming a value the migration loses is let go of before
      // the type changes, so that the reverse adds the column back plain and sets it after them.
      if (defaultNamesLostValue(column, column.withDefault(null), lostValues)) {
        phases.dropDefaults.add(new AlterColumn(name, column, column.withDefault(null)));
        column = column.withDefault(null);
      }
      if (column.isGenerated() && namesAny(lost, column.generated())) {
        phases.dropDefaults.add(new AlterColumn(name, column, column.withGenerated(null)));
        column = column.withGenerated(null);
      }
      phases.dropColumns.add(dropColumn(old, table, column, key,
          dropped.subList(i + 1, dropped.size())));
    }
    for (Column column : table.columns()) {
      Optional<Column> previous = old.column(column.name());
      if (previous.isEmpty()) {
        // A generated column's values are computed again when it is added: none to keep.
        phases.addColumns.add(column.isGenerated() ? new AddColumn(name, column.definition())
            : AddColumn.rollbackKeeping(name, column.definition(), newRowKey));
      } else {
        Column before = previous.get().definition();
        Column wanted = withChosenNames(before, column.definition());
        if (!Canonical.column(before).equals(Canonical.column(wanted))) {
          boolean lossy = !TypeChanges.isLossless(before.type(), column.type())
              || !before.isGenerated() && column.isGenerated();
          if (defaultNamesLostValue(before, wanted, lostValues)) {
            phases.dropDefaults.add(new AlterColumn(name, before, before.withDefault(null)));
            before = before.withDefault(null);
          }
          if (before.isGenerated() && wanted.isGenerated()
              && !Objects.equals(Canonical.expression(before.generated()), Canonical.expression(wanted.generated()))
              && (namesAny(lost, before.generated()) || namesAny(lost, wanted.generated()))) {
            // An expression naming a value the migration loses is let go of (values kept) before
            // the type changes, and the new one computed after: so it is in the reverse too.
            phases.dropDefaults.add(new AlterColumn(name, before, before.withGenerated(null)));
            before = before.withGenerated(null);
            lossy = true;
          } else if (before.isGenerated() && !wanted.isGenerated() && namesAny(lost, before.generated())) {
            // Made plain before the type changes, which would otherwise add it again as it was;
            // the reverse makes it generated once the value is back.
            phases.dropDefaults.add(new AlterColumn(name, before, before.withGenerated(null)));
            before = before.withGenerated(null);
          }
          if (!Canonical.column(before).equals(Canonical.column(wanted))) {
            phases.alterColumns.add(new AlterColumn(name, recorded(before), recorded(wanted),
                lossy ? key : List.of(), List.of()));
          }
        }
      }
    }
    if (!Objects.equals(old.comment(), table.comment())) {
      phases.comments.add(new SetTableComment(name, old.comment(), table.comment()));
    }
  }

  /**
   * Whether {@code sql} names one of the enum values a migration loses: an index or check that does
   * and changes is dropped before the types change (and its inverse added after them), so that it
   * is never made again around a rebuild that takes its value away.
   */
  private static boolean namesAny(List<String> lost, String sql) {
    return sql != null && lost.stream().anyMatch(value -> Expressions.namesLabel(sql, value));
  }

  /**
   * A table the migration drops, without the defaults that name a value its enum type loses: each
   * is dropped before the type changes, so that the reverse creates the table again without it and
   * sets it only once the value is back.
   */
  private static Table withoutLostDefaults(Table table, Map<QualifiedName, List<String>> lostValues,
      Phases phases) {
    List<Column> columns = new ArrayList<>();
    for (Column column : table.columns()) {
      Column bare = column.withDefault(null).withSequence(column.sequence())
          .withNotNullName(column.notNullName());
      if (defaultNamesLostValue(column, bare, lostValues)) {
        phases.dropDefaults.add(new AlterColumn(table.name(), column, bare));
        columns.add(bare);
      } else {
        columns.add(column);
      }
    }
    return table.withColumns(columns);
  }

  /** Whether a column's default changes from one that names a value its type loses. */
  private static boolean defaultNamesLostValue(Column before, Column after,
      Map<QualifiedName, List<String>> lostValues) {
    return before.defaultSql() != null && before.enumType() != null
        && !Objects.equals(Canonical.expression(before.defaultSql()),
            Canonical.expression(after.defaultSql()))
        && lostValues.getOrDefault(before.enumType(), List.of()).stream()
            .anyMatch(value -> Expressions.namesLabel(before.defaultSql(), value));
  }

  /**
   * The column with its sequence recorded, when it has one: as PostgreSQL's defaults ({@code {}})
   * when nothing is stated. A change that records a column's sequence is rendered by the rules that
   * came with recorded sequences (an identity switched in place, numbering on within the sequence's
   * range); one that does not, from a journal written before, as it was.
   */
  private static Column recorded(Column column) {
    return column.identity() != Identity.NONE && column.sequence() == null
        ? column.withSequence(Sequence.named(null)) : column;
  }

  /**
   * {@code after} with the names PostgreSQL chose for {@code before} where {@code after} leaves them
   * to it: the sequence of a column that stays an identity column keeps its name, and so does the
   * NOT NULL constraint of a column that stays NOT NULL.
   */
  private static Column withChosenNames(Column before, Column after) {
    Column result = after;
    boolean sequenceChosen = before.identity().isIdentity() && after.identity().isIdentity()
        && before.sequence() != null && before.sequence().name() != null
        && (after.sequence() == null || after.sequence().name() == null);
    if (sequenceChosen) {
      Sequence options = after.sequence() == null ? Sequence.named(null) : after.sequence();
      result = result.withSequence(options.withName(before.sequence().name()));
    }
    if (!before.nullable() && !after.nullable() && before.notNullName() != null
        && after.notNullName() == null) {
      result = result.withNotNullName(before.notNullName());
    }
    return result;
  }

  /**
   * Drops a column, keeping its values by {@code key}; without one (no primary key survives the
   * migration), by the values of the columns that do survive it unchanged and of those dropped
   * after it ({@code later}: the reverse puts them back first), so that rows alike in all of
   * them get their values back consistently.
   */
  private static DropColumn dropColumn(Table old, Table table, Column column, List<String> key,
      List<Column> later) {
    Column definition = recorded(column.definition());
    if (column.isGenerated()) {
      return new DropColumn(table.name(), definition, List.of());
    }
    if (!key.isEmpty()) {
      return new DropColumn(table.name(), definition, key);
    }
    List<String> match = new ArrayList<>(unchangedColumns(old, table));
    if (match.isEmpty()) {
      return new DropColumn(table.name(), definition, List.of());
    }
    later.forEach(c -> match.add(c.name()));
    return new DropColumn(table.name(), definition, match, false, true);
  }

  /** The columns of {@code old} that {@code table} keeps with the same type, in order. */
  private static List<String> unchangedColumns(Table old, Table table) {
    return old.columns().stream()
        .filter(c -> table.column(c.name()).filter(n -> n.type().equals(c.type())).isPresent())
        .map(Column::name)
        .toList();
  }

  /**
   * The row key that values removed from {@code old} are kept by: its primary key, when every
   * key column survives; else the new primary key, when every one of its columns was there
   * before with the same type (the key changes to other columns). Empty when neither holds.
   */
  private static List<String> backupKey(Table old, Table table) {
    if (old.primaryKey() != null && survives(old.primaryKey().columns(), old, table)) {
      return old.primaryKey().columns();
    }
    if (table.primaryKey() != null && survives(table.primaryKey().columns(), old, table)) {
      return table.primaryKey().columns();
    }
    return List.of();
  }

  /** Whether every one of {@code columns} is in both tables with the same type. */
  private static boolean survives(List<String> columns, Table old, Table table) {
    return columns.stream().allMatch(c -> old.column(c).isPresent() && table.column(c).isPresent()
        && table.column(c).get().type().equals(old.column(c).get().type()));
  }

  /**
   * The row key that rolling back keeps the values of added columns by: the new primary key, when
   * every key column existed before (so that rows are matched the same way in both directions).
   */
  private static List<String> keptKey(Table old, Table table) {
    if (table.primaryKey() == null) {
      return List.of();
    }
    List<String> key = table.primaryKey().columns();
    return key.stream().allMatch(c -> old.column(c).isPresent()) ? key : List.of();
  }

  /**
   * A foreign key depends on the primary key or unique constraint it references: when that key is
   * dropped (or replaced), the foreign key is dropped before it and added again afterwards.
   */
  private static void recreateForeignKeysOnReplacedKeys(Schema before, Schema after, Phases phases) {
    Set<String> droppedKeys = new HashSet<>();
    for (Change change : phases.dropConstraints) {
      if (change instanceof DropPrimaryKey d) {
        droppedKeys.add(keyOf(d.table(), d.key().columns()));
      } else if (change instanceof DropUnique d) {
        droppedKeys.add(keyOf(d.table(), d.unique().columns()));
      }
    }
    for (Change change : phases.dropIndexes) {
      if (change instanceof DropIndex d && d.index().unique()
          && d.index().keys().stream().allMatch(k -> k.column() != null)) {
        droppedKeys.add(keyOf(d.table(), d.index().keys().stream().map(k -> k.column()).toList()));
      }
    }
    if (droppedKeys.isEmpty()) {
      return;
    }
    for (Table table : after.tables()) {
      Optional<Table> old = before.table(table.name());
      for (ForeignKey fk : table.foreignKeys()) {
        boolean unchanged = old.isPresent() && old.get().foreignKeys().contains(fk);
        if (unchanged && droppedKeys.contains(keyOf(fk.target(), fk.targetColumns()))) {
          phases.dropForeignKeys.add(new DropForeignKey(table.name(), fk));
          phases.addForeignKeys.add(new AddForeignKey(table.name(), fk));
        }
      }
    }
  }

  /** Whether two foreign keys differ at most in when they are checked (changed in place). */
  private static boolean sameButDeferral(ForeignKey a, ForeignKey b) {
    return a.withDeferrable(b.deferrable()).equals(b);
  }

  /** Whether two indexes differ at most in storage parameters and tablespace (changed in place). */
  private static boolean sameButStorage(Index a, Index b) {
    return sameIndex(a.withStorage(b.with(), b.tablespace()), b);
  }

  /** Whether two indexes differ at most in tablespace (changed in place, also when partitioned). */
  private static boolean sameButTablespace(Index a, Index b) {
    return sameIndex(a.withStorage(a.with(), b.tablespace()), b);
  }

  /**
   * Items of the same name that {@code similar} matches but {@code same} does not: changed in
   * place by {@code alter}.
   */
  private static <T extends Named> void alterInPlace(List<T> before, List<T> after,
      BiPredicate<T, T> similar, BiPredicate<T, T> same, BiConsumer<T, T> alter) {
    Map<String, T> now = new TreeMap<>();
    after.forEach(item -> now.put(item.name(), item));
    for (T item : before) {
      T next = now.get(item.name());
      if (next != null && similar.test(item, next) && !same.test(item, next)) {
        alter.accept(item, next);
      }
    }
  }

  /** A key's table and columns, in any order (a foreign key may list them in another). */
  private static String keyOf(QualifiedName table, List<String> columns) {
    return table + ":" + new java.util.TreeSet<>(columns);
  }

  /** Same index when the same once canonical, and built the same way. */
  private static boolean sameIndex(Index a, Index b) {
    return a.concurrently() == b.concurrently() && Canonical.index(a).equals(Canonical.index(b));
  }

  /**
   * Items present on one side only, or whose definitions differ (per {@code same}, which ignores
   * mere spelling), are dropped and/or added.
   */
  private static <T extends Named> void diffNamed(List<T> before, List<T> after,
      BiPredicate<T, T> same, Consumer<T> drop, Consumer<T> add) {
    Map<String, T> old = new TreeMap<>();
    before.forEach(item -> old.put(item.name(), item));
    Map<String, T> now = new TreeMap<>();
    after.forEach(item -> now.put(item.name(), item));
    for (T item : old.values()) {
      T next = now.get(item.name());
      if (next == null || !same.test(item, next)) {
        drop.accept(item);
      }
    }
    for (T item : now.values()) {
      T previous = old.get(item.name());
      if (previous == null || !same.test(previous, item)) {
        add.accept(item);
      }
    }
  }

  private static void setDiff(
      Set<String> before, Set<String> after, Consumer<String> drop, Consumer<String> add) {
    before.stream().filter(n -> !after.contains(n)).forEach(drop);
    after.stream().filter(n -> !before.contains(n)).forEach(add);
  }

  private static Map<QualifiedName, Table> byName(List<Table> tables) {
    Map<QualifiedName, Table> map = new TreeMap<>();
    tables.forEach(t -> map.put(t.name(), t));
    return map;
  }

  /** The changes, bucketed by the phase that gives them a valid order. */
  static final class Phases {
    final List<Change> renameSchemas = new ArrayList<>();
    final List<Change> declarations = new ArrayList<>();
    final List<Change> renames = new ArrayList<>();
    final List<Change> renameParts = new ArrayList<>();
    final List<Change> createSchemas = new ArrayList<>();
    final List<Change> createExtensions = new ArrayList<>();
    final List<Change> sequences = new ArrayList<>();
    final List<Change> ownSequences = new ArrayList<>();
    final List<Change> dropDefaults = new ArrayList<>();
    final List<Change> createEnums = new ArrayList<>();
    final List<Change> dropForeignKeys = new ArrayList<>();
    final List<Change> dropIndexes = new ArrayList<>();
    final List<Change> dropConstraints = new ArrayList<>();
    final List<Change> dropTables = new ArrayList<>();
    final List<Change> dropColumns = new ArrayList<>();
    final List<Change> createTables = new ArrayList<>();
    final List<Change> addColumns = new ArrayList<>();
    final List<Change> partitions = new ArrayList<>();
    final List<Change> alterColumns = new ArrayList<>();
    final List<Change> addPrimaryKeys = new ArrayList<>();
    final List<Change> addConstraints = new ArrayList<>();
    final List<Change> addIndexes = new ArrayList<>();
    final List<Change> addForeignKeys = new ArrayList<>();
    final List<Change> alterIndexes = new ArrayList<>();
    final List<Change> alterKeys = new ArrayList<>();
    final List<Change> comments = new ArrayList<>();
    final List<Change> dropEnums = new ArrayList<>();
    final List<Change> dropExtensions = new ArrayList<>();
    final List<Change> dropSchemas = new ArrayList<>();
    final List<Change> createRoles = new ArrayList<>();
    final List<Change> dropSecurity = new ArrayList<>();
    final List<Change> createSecurity = new ArrayList<>();
    final List<Change> keepRoles = new ArrayList<>();
    final List<Change> domains = new ArrayList<>();
    final List<Change> dropDomains = new ArrayList<>();

    List<Change> ordered() {
      List<Change> all = new ArrayList<>();
      for (List<Change> phase : List.of(renameSchemas, createSchemas, declarations, renames, renameParts,
          createRoles, dropSecurity, createExtensions, domains, dropDefaults, sequences, createEnums,
          dropForeignKeys, dropIndexes, dropConstraints, dropTables, dropColumns, createTables, addColumns,
          partitions, alterColumns, ownSequences, addPrimaryKeys, addConstraints, addIndexes, addForeignKeys,
          alterIndexes, alterKeys, createSecurity, comments, dropEnums, dropDomains, dropExtensions, dropSchemas,
          keepRoles)) {
        all.addAll(phase);
      }
      return List.copyOf(all);
    }
  }
}
