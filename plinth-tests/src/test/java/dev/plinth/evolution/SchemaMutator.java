package dev.plinth.evolution;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Deferral;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.Partition;
import dev.plinth.schema.model.Partitioning;
import dev.plinth.schema.model.Policy;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Role;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.StandaloneSequence;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.TableSecurity;
import dev.plinth.schema.model.Trigger;
import dev.plinth.schema.model.UniqueConstraint;
import dev.plinth.schema.model.Namespace;
import dev.plinth.schema.model.View;
import dev.plinth.schema.render.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Random schema evolutions that a team could make with rows in the tables: every change kind the
 * differ supports, restricted to what existing rows (as {@link Rows} writes them) allow, as the
 * compile-time checks would require.
 */
final class SchemaMutator {
  /** Types and the types each may change to without failing on the rows {@link Rows} writes. */
  static final Map<String, List<String>> TYPE_CHANGES = Map.of(
      "integer", List.of("bigint", "text"),
      "bigint", List.of("integer", "numeric(14,2)"),
      "text", List.of("character varying(100)", "character varying(200)"),
      "character varying(100)", List.of("character varying(200)", "text"),
      "character varying(200)", List.of("character varying(100)", "text"),
      "numeric(12,2)", List.of("numeric(14,2)"),
      "numeric(14,2)", List.of("numeric(12,2)", "bigint"),
      "boolean", List.of("text"),
      "timestamp with time zone", List.of("timestamp without time zone"),
      "timestamp without time zone", List.of("timestamp with time zone"));
  private static final List<String> SCALARS = List.of("integer", "bigint", "text",
      "character varying(100)", "numeric(12,2)", "boolean", "timestamp with time zone", "date",
      "uuid", "jsonb", "text[]", "numeric", "time with time zone", "interval", "inet");
  private static final Map<String, String> DEFAULTS = Map.ofEntries(
      Map.entry("integer", "0"), Map.entry("bigint", "1"), Map.entry("text", "'x'"),
      Map.entry("character varying(100)", "'y'"), Map.entry("character varying(200)", "'z'"),
      Map.entry("numeric(12,2)", "0"), Map.entry("numeric(14,2)", "2.5"),
      Map.entry("boolean", "true"), Map.entry("timestamp with time zone", "now()"),
      Map.entry("timestamp without time zone", "'2020-01-01 00:00:00'"), Map.entry("date", "CURRENT_DATE"),
      Map.entry("uuid", "gen_random_uuid()"), Map.entry("jsonb", "'{}'::jsonb"), Map.entry("text[]", "'{}'"),
      Map.entry("numeric", "0"), Map.entry("time with time zone", "'12:00:00+00'"),
      Map.entry("interval", "'1 day'"), Map.entry("inet", "'127.0.0.1'"));

  /** The enum type columns use; the others are types of their own. */
  private static final QualifiedName MOOD = new QualifiedName("public", "mood");

  private final Random random;
  /** Whether to name NOT NULL constraints (PostgreSQL 18 and later). */
  private final boolean namedNotNull;
  /** Columns that rows written before they existed hold NULL in: they cannot become NOT NULL. */
  private final java.util.Set<String> mayHoldNull = new java.util.HashSet<>(java.util.Set.of("order"));
  /** Columns whose rows repeat values (references): they cannot become unique. */
  private final java.util.Set<String> repeating = new java.util.HashSet<>();
  private int counter;
  /** The schema a step starts from: a key moves only to a column that was there before it. */
  private Schema stepStart = Schema.EMPTY;

  /**
   * Draws the view changes: apart from {@link #random}, so that the table evolutions of a seed are
   * the ones they were before views took part.
   */
  private final Random viewRandom;
  /** Picks views' options and comments (its own stream: the other choices stay as they were). */
  private final Random viewOptionRandom;

  /**
   * Draws how many columns a view over a table selects (two or three): apart from the others, so
   * that a seed's table and view evolutions stay the same. A third column added is a view replaced
   * in place, whose reverse drops and creates it (and the views reading it).
   */
  private final Random widthRandom;
  private int viewCounter;
  /** Draws the changes of key and index options, apart from {@link #random}'s sequence. */
  private final Random keyRandom;
  /** Draws the changes of declared schemas, apart from the others for the same reason. */
  private final Random schemaRandom;
  private int schemaCounter;

  /**
   * Draws the function and trigger changes, when they take part ({@link #withRoutines}): apart from
   * the others, so that a seed's table and view evolutions stay the same.
   */
  private final Random routineRandom;
  private boolean routines;
  /** Draws the declared sequence changes (with the routines), apart from the others likewise. */
  private final Random sequenceRandom;
  private int sequenceCounter;
  private int triggerCounter;

  /**
   * Draws the row-level security changes: apart from {@link #random}, like {@link #viewRandom}, so
   * that the table evolutions of a seed are the ones they were before security took part.
   */
  private final Random securityRandom;
  private int policyCounter;
  /** Draws the partitioning of new tables and the partitions added and detached, apart likewise. */
  private final Random partitionRandom;
  /** Generated columns and enum labels in expressions, drawn apart from the other changes. */
  private final Random expressionRandom;

  /** Whether new tables are sometimes partitioned. */
  private final boolean partitions;
  /** Draws the domain changes ({@link #evolveDomains}), apart from the others likewise. */
  private final Random domainRandom;
  private int domainCounter;
  /** Draws the refreshes of materialized views, apart from the others likewise. */
  private final Random refreshRandom;

  SchemaMutator(long seed, boolean namedNotNull) {
    this(seed, namedNotNull, true);
  }

  SchemaMutator(long seed, boolean namedNotNull, boolean partitions) {
    this.partitions = partitions;
    this.random = new Random(seed);
    this.securityRandom = new Random(seed * 37 + 11);
    this.viewRandom = new Random(seed * 31 + 7);
    this.viewOptionRandom = new Random(seed * 53 + 29);
    this.widthRandom = new Random(seed * 37 + 11);
    this.keyRandom = new Random(seed * 17 + 3);
    this.schemaRandom = new Random(seed * 13 + 5);
    this.routineRandom = new Random(seed * 131 + 17);
    this.sequenceRandom = new Random(seed * 47 + 23);
    this.partitionRandom = new Random(seed * 41 + 13);
    this.expressionRandom = new Random(seed * 43 + 19);
    this.domainRandom = new Random(seed * 53 + 29);
    this.refreshRandom = new Random(seed * 59 + 31);
    this.namedNotNull = namedNotNull;
  }

  /** This mutator, also evolving functions and triggers. */
  SchemaMutator withRoutines() {
    routines = true;
    return this;
  }

  Schema initial() {
    Schema schema = new Schema(List.of(), List.of(new EnumType(MOOD, "Mood", List.of("OK", "MEH", "BAD"))));
    for (int i = 0; i < 3; i++) {
      schema = schema.withTable(newTable(schema, "public"));
    }
    return withRoles(schema);
  }

  /** One to three random changes. */
  Schema mutate(Schema schema) {
    // Rename hints live for one compile: those of the previous step are gone.
    Schema result = new Schema(schema.tables().stream().map(t -> t.withRenamedFrom(null)
        .withColumns(t.columns().stream().map(c -> c.withRenamedFrom(null)).toList())).toList(),
        schema.enums().stream().map(EnumType::definition).toList())
        .withDomains(schema.domains().stream().map(SchemaMutator::withoutRenameHint).toList());
    stepStart = result;
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      result = mutateOnce(result);
    }
    result = evolveDomains(result);
    if (keyRandom.nextBoolean()) {
      result = changeKeyOptions(result);
    }
    result = evolveSchemas(result.withDeclared(schema.schemas().stream().map(Namespace::definition).toList()));
    if (expressionRandom.nextInt(3) == 0) {
      result = enumExpressions(result);
    }
    Schema evolved = evolveSecurity(evolveViews(evolvePartitions(result),
        schema.views().stream().filter(v -> !v.materialized()).toList()));
    return routines ? evolveSequences(evolveRoutines(evolved, schema), schema) : evolved;
  }

  /**
   * Declared sequences, with the routines: sometimes one created, changed in place (step, cache,
   * cycle, greatest value), renamed or dropped, and a bigint column's default made to take values
   * from one. A default naming a sequence follows its rename and goes with it (or when its column
   * is no longer bigint).
   */
  private Schema evolveSequences(Schema schema, Schema previous) {
    List<StandaloneSequence> sequences = new ArrayList<>(
        previous.sequences().stream().map(StandaloneSequence::definition).toList());
    Map<String, String> renamed = new TreeMap<>();
    int dice = sequenceRandom.nextInt(6);
    if (dice == 0 || sequences.isEmpty()) {
      String type = List.of("smallint", "integer", "bigint").get(sequenceRandom.nextInt(3));
      sequences.add(new StandaloneSequence(new QualifiedName("public", "sq%03d".formatted(++sequenceCounter)), type,
          sequenceOptions(), null, sequenceRandom.nextBoolean() ? null : "numbers", "Sequences", null));
    } else if (dice == 1) {
      StandaloneSequence old = sequences.remove(sequenceRandom.nextInt(sequences.size()));
      renamed.put(old.name().name(), null);
    } else if (dice == 2) {
      int i = sequenceRandom.nextInt(sequences.size());
      StandaloneSequence old = sequences.get(i);
      sequences.set(i, new StandaloneSequence(old.name(), old.type(), sequenceOptions(), null,
          sequenceRandom.nextBoolean() ? old.comment() : "changed", "Sequences", null));
    } else if (dice == 3) {
      int i = sequenceRandom.nextInt(sequences.size());
      StandaloneSequence old = sequences.get(i);
      String to = "sq%03d".formatted(++sequenceCounter);
      renamed.put(old.name().name(), to);
      sequences.set(i, old.withName(new QualifiedName("public", to)).withRenamedFrom(old.name().name()));
    }
    java.util.Set<String> names = new java.util.TreeSet<>();
    sequences.forEach(q -> names.add(q.name().name()));
    Schema result = schema;
    for (Table table : schema.tables()) {
      List<Column> columns = new ArrayList<>();
      for (Column c : table.columns()) {
        columns.add(sequenceDefault(c, renamed, names));
      }
      result = result.withTable(table.withColumns(columns));
    }
    if (dice == 4 && !result.tables().isEmpty()) {
      Table table = result.tables().get(sequenceRandom.nextInt(result.tables().size()));
      List<Column> candidates = table.columns().stream().filter(c -> c.type().equals("bigint")
          && c.identity() == Identity.NONE && !c.isGenerated() && c.enumType() == null && c.defaultSql() == null)
          .toList();
      if (!candidates.isEmpty()) {
        Column c = candidates.get(sequenceRandom.nextInt(candidates.size()));
        String sequence = sequences.get(sequenceRandom.nextInt(sequences.size())).name().name();
        result = result.withTable(table.withColumns(table.columns().stream().map(x -> x == c
            ? x.withDefault("nextval('" + sequence + "')").withSequence(x.sequence()).withNotNullName(x.notNullName())
            : x).toList()));
      }
    }
    return result.withSequences(sequences);
  }

  /** A column's default after the sequence changes: following a rename, gone with its sequence. */
  private static Column sequenceDefault(Column c, Map<String, String> renamed, java.util.Set<String> names) {
    if (c.defaultSql() == null || !c.defaultSql().startsWith("nextval('")) {
      return c;
    }
    String name = c.defaultSql().substring("nextval('".length(), c.defaultSql().indexOf("')"));
    String now = renamed.containsKey(name) ? renamed.get(name) : name;
    String sql = now == null || !names.contains(now) || !c.type().equals("bigint") ? null : "nextval('" + now + "')";
    return java.util.Objects.equals(sql, c.defaultSql()) ? c
        : c.withDefault(sql).withSequence(c.sequence()).withNotNullName(c.notNullName());
  }

  /** Options of an ascending sequence whose range holds the values it may have given. */
  private Sequence sequenceOptions() {
    return new Sequence(null, null, sequenceRandom.nextBoolean() ? null : Long.valueOf(1 + sequenceRandom.nextInt(5)),
        null, sequenceRandom.nextBoolean() ? null : Long.valueOf(30000 + sequenceRandom.nextInt(2000)),
        sequenceRandom.nextBoolean() ? null : Long.valueOf(1 + sequenceRandom.nextInt(20)),
        sequenceRandom.nextInt(3) == 0 ? Boolean.TRUE : null);
  }

  private static final QualifiedName TOUCH = new QualifiedName("public", "plinth_touch");
  private static final QualifiedName ANSWER = new QualifiedName("public", "plinth_answer");

  /**
   * A trigger function whose body changes now and then (replaced in place), an SQL function whose
   * return type changes now and then (dropped and created), and triggers on tables: each kept in
   * step with its table (following renames; its WHEN condition, when it has one, reads the table's
   * second column, so it follows that column's renames, retypes and drops), sometimes one added or
   * dropped.
   */
  private Schema evolveRoutines(Schema schema, Schema previous) {
    Function touch = previous.function(TOUCH).filter(f -> routineRandom.nextInt(4) != 0)
        .orElse(new Function(TOUCH, "Routines", "", "trigger", "plpgsql",
            "BEGIN\n  -- variant " + routineRandom.nextInt(1000) + "\n  RETURN NEW;\nEND;"));
    String returns = previous.function(ANSWER).map(Function::returns).orElse("integer");
    if (routineRandom.nextInt(5) == 0) {
      returns = returns.equals("integer") ? "bigint" : "integer";
    }
    Function answer = new Function(ANSWER, "Routines", "", returns, "sql", "SELECT 42::" + returns);
    List<Trigger> triggers = new ArrayList<>();
    for (Trigger old : previous.triggers()) {
      schema.tables().stream().filter(t -> t.javaClass().equals(old.javaClass())).findFirst()
          .ifPresent(t -> triggers.add(trigger(old.name(), t, old.when() != null, old.events())));
    }
    int dice = routineRandom.nextInt(4);
    if (dice == 0 && !triggers.isEmpty()) {
      triggers.remove(routineRandom.nextInt(triggers.size()));
    } else if (dice == 1 && !schema.tables().isEmpty()) {
      Table table = schema.tables().get(routineRandom.nextInt(schema.tables().size()));
      List<String> events = routineRandom.nextBoolean() ? List.of("UPDATE") : List.of("INSERT", "UPDATE");
      triggers.add(trigger("tg%03d".formatted(++triggerCounter), table, routineRandom.nextBoolean(), events));
    }
    List<View> views = new ArrayList<>(schema.views());
    for (View old : previous.views()) {
      if (old.materialized() && routineRandom.nextInt(6) != 0) {
        // Now and then asked to refresh (@View(refresh) raised): the migration refreshes it.
        int refresh = old.refresh() + (refreshRandom.nextInt(3) == 0 ? 1 : 0);
        materializedOver(schema, old.javaClass(), old.name(), old.noData() != (routineRandom.nextInt(5) == 0))
            .map(v -> v.withRefresh(refresh)).ifPresent(views::add);
      }
    }
    if (routineRandom.nextInt(5) == 0 && !schema.tables().isEmpty()) {
      Table table = schema.tables().get(routineRandom.nextInt(schema.tables().size()));
      materializedOver(schema, table.javaClass(), new QualifiedName("public", "mv%03d".formatted(++triggerCounter)),
          routineRandom.nextBoolean()).ifPresent(views::add);
    }
    return schema.withViews(views).withFunctions(List.of(touch, answer)).withTriggers(triggers);
  }

  /**
   * A materialized view of the first two columns of the table of {@code javaClass} (following their
   * renames, retypes and drops), indexed on the first (a unique index when it is the table's key,
   * which lets a refresh be {@code CONCURRENTLY}), if the table is there.
   */
  private static java.util.Optional<View> materializedOver(Schema schema, String javaClass, QualifiedName name,
      boolean noData) {
    return schema.tables().stream().filter(t -> t.javaClass().equals(javaClass)).findFirst().map(t -> {
      List<Column> columns = t.columns().stream().limit(2).toList();
      boolean key = t.primaryKey() != null && t.primaryKey().columns().equals(List.of(columns.get(0).name()));
      Index index = new Index(name.name() + "_idx", List.of(IndexKey.column(columns.get(0).name())), key,
          "btree", null, List.of(), false);
      return new View(name, javaClass, "SELECT " + String.join(", ", columns.stream()
          .map(c -> Sql.ident(c.name())).toList()) + " FROM " + t.name().sql(), true, noData, List.of(index));
    });
  }

  /** A BEFORE row trigger on {@code table}; with {@code when}, on a change of its second column. */
  private static Trigger trigger(String name, Table table, boolean when, List<String> events) {
    String condition = null;
    if (when && table.columns().size() > 1 && events.equals(List.of("UPDATE"))) {
      String column = Sql.ident(table.columns().get(1).name());
      condition = "OLD." + column + " IS DISTINCT FROM NEW." + column;
    }
    return new Trigger(name, table.name(), TOUCH, "BEFORE", events, "ROW",
        condition == null && when ? "true" : condition, table.javaClass());
  }

  /**
   * Sometimes one change of a declared schema: a new one (empty), an empty one dropped, a comment
   * changed, a schema (declared, or one that tables name) declared, or a declared one renamed with
   * every table and enum type in it (the views are in {@code public}).
   */
  private Schema evolveSchemas(Schema schema) {
    List<Namespace> declared = schema.schemas();
    String name = "s%03d".formatted(++schemaCounter);
    String comment = schemaRandom.nextBoolean() ? null : "comment " + name;
    switch (schemaRandom.nextInt(6)) {
      case 0:
        return schema.withDeclared(new Namespace(name, "p." + name, comment));
      case 1: {
        List<Namespace> empty = declared.stream().filter(s -> isEmpty(schema, s.name())).toList();
        return empty.isEmpty() ? schema
            : schema.withoutDeclared(empty.get(schemaRandom.nextInt(empty.size())).name());
      }
      case 2: {
        if (declared.isEmpty()) {
          return schema;
        }
        Namespace chosen = declared.get(schemaRandom.nextInt(declared.size()));
        return schema.withDeclared(new Namespace(chosen.name(), chosen.javaPackage(), comment));
      }
      case 3: {
        List<String> implicit = schema.namespaces().stream()
            .filter(n -> schema.declared(n).isEmpty()).toList();
        return implicit.isEmpty() ? schema : schema.withDeclared(new Namespace(
            implicit.get(schemaRandom.nextInt(implicit.size())), "p.implicit" + name, comment));
      }
      case 4: {
        if (declared.isEmpty()) {
          return schema;
        }
        Namespace chosen = declared.get(schemaRandom.nextInt(declared.size()));
        // What a rename leaves: the records of the package in the new schema, foreign keys and
        // columns naming the new one.
        Schema renamed = new Change.RenameSchema(chosen.name(), name).applyTo(schema);
        return renamed.withoutDeclared(name)
            .withDeclared(new Namespace(name, chosen.javaPackage(), chosen.comment(), chosen.name()));
      }
      default:
        return schema;
    }
  }

  private static boolean isEmpty(Schema schema, String namespace) {
    return schema.tables().stream().noneMatch(t -> t.name().schema().equals(namespace))
        && schema.enums().stream().noneMatch(e -> e.name().schema().equals(namespace))
        && schema.views().stream().noneMatch(v -> v.name().schema().equals(namespace));
  }

  /** The roles the policies and grants name: declared from the start, so never kept. */
  private static final List<Role> ROLES = List.of(new Role("evo_reader", false, "evo"),
      new Role("evo_writer", false, "evo"));

  private static Schema withRoles(Schema schema) {
    return schema.withRoles(ROLES);
  }

  /**
   * Policies kept in step with the columns they read (a policy reads one column, {@code "c" IS
   * NOT NULL}: it follows the column's rename and goes with it), and sometimes one security change
   * on a table: row-level security switched or forced, a policy added, altered, renamed or
   * dropped, a grant changed.
   */
  private Schema evolveSecurity(Schema schema) {
    Schema result = withRoles(schema);
    for (Table table : result.tables()) {
      TableSecurity security = table.access();
      List<Policy> policies = new ArrayList<>();
      for (Policy policy : security.policies()) {
        String column = policy.using().substring(1, policy.using().indexOf('"', 1));
        java.util.Optional<Column> now = table.column(column).or(() -> table.columns().stream()
            .filter(c -> column.equals(c.renamedFrom())).findFirst());
        now.ifPresent(c -> policies.add(policy.withRenamedFrom(null)
            .withExpressions(Sql.ident(c.name()) + " IS NOT NULL", null)));
      }
      if (!policies.equals(security.policies())) {
        result = result.withTable(table.withSecurity(security.withPolicies(policies)));
      }
    }
    if (result.tables().isEmpty() || securityRandom.nextInt(2) == 0) {
      return result;
    }
    Table table = result.tables().get(securityRandom.nextInt(result.tables().size()));
    TableSecurity security = table.access();
    List<Policy> policies = new ArrayList<>(security.policies());
    List<String> roles = ROLES.stream().map(Role::name)
        .filter(r -> securityRandom.nextBoolean()).toList();
    switch (securityRandom.nextInt(6)) {
      case 0 -> security = security.withRowSecurity(!security.enabled(),
          !security.enabled() && securityRandom.nextBoolean());
      case 1 -> {
        Column column = table.columns().get(securityRandom.nextInt(table.columns().size()));
        // Commands that take a USING expression alone.
        String command = List.of("ALL", "SELECT", "UPDATE", "DELETE").get(securityRandom.nextInt(4));
        policies.add(new Policy("p" + ++policyCounter, command, securityRandom.nextBoolean(), roles,
            Sql.ident(column.name()) + " IS NOT NULL", null, null));
      }
      case 2 -> {
        if (!policies.isEmpty()) {
          Policy old = policies.remove(securityRandom.nextInt(policies.size()));
          policies.add(securityRandom.nextBoolean()
              ? new Policy(old.name(), old.command(), old.permissive(), roles, old.using(), null, null)
              : new Policy(old.name(), old.command(), !old.permissive(), old.roles(), old.using(),
                  null, null));
        }
      }
      case 3 -> {
        if (!policies.isEmpty()) {
          Policy old = policies.remove(securityRandom.nextInt(policies.size()));
          policies.add(old.withName("p" + ++policyCounter).withRenamedFrom(old.name()));
        }
      }
      case 4 -> {
        if (!policies.isEmpty()) {
          policies.remove(securityRandom.nextInt(policies.size()));
        }
      }
      default -> {
        String role = ROLES.get(securityRandom.nextInt(ROLES.size())).name();
        List<String> privileges = dev.plinth.schema.model.Grant.PRIVILEGES.stream()
            .filter(p -> securityRandom.nextInt(3) == 0).toList();
        List<dev.plinth.schema.model.Grant> grants = new ArrayList<>(security.grants().stream()
            .filter(g -> !g.role().equals(role)).toList());
        if (!privileges.isEmpty()) {
          grants.add(new dev.plinth.schema.model.Grant(role, privileges));
        }
        security = security.withGrants(grants);
      }
    }
    return result.withTable(table.withSecurity(security.withPolicies(policies)));
  }

  /**
   * The views of the previous step kept in step with what they read (a view over a table selects
   * its first two columns, so it follows their renames, retypes and drops; a view over a view
   * selects all of its columns), and sometimes one view added, over a table or a view, or dropped.
   */
  private Schema evolveViews(Schema schema, List<View> previous) {
    List<View> views = new ArrayList<>(previous);
    int dice = viewRandom.nextInt(4);
    if (dice == 0 && !views.isEmpty()) {
      views.remove(viewRandom.nextInt(views.size()));
    }
    List<View> kept = new ArrayList<>();
    for (View view : views) {
      int width = widthOf(view);
      if (view.javaClass().startsWith("table:") && widthRandom.nextInt(4) == 0) {
        width = 5 - width;
      }
      viewOver(schema, kept, view.javaClass(), view.name(), width)
          .map(v -> withOptions(v, view)).ifPresent(kept::add);
    }
    QualifiedName name = new QualifiedName("public", "vw%03d".formatted(++viewCounter));
    if (dice == 1 && !schema.tables().isEmpty()) {
      Table table = schema.tables().get(viewRandom.nextInt(schema.tables().size()));
      viewOver(schema, kept, "table:" + table.javaClass(), name).ifPresent(kept::add);
    } else if (dice == 2 && !kept.isEmpty()) {
      View view = kept.get(viewRandom.nextInt(kept.size()));
      viewOver(schema, kept, "view:" + view.name().name(), name).ifPresent(kept::add);
    }
    return schema.withViews(kept);
  }

  /**
   * {@code view} with the options and comment of {@code was} (so that they are kept, also when the
   * view is created again), sometimes changed: {@code security_barrier}, a check option, a comment.
   */
  private View withOptions(View view, View was) {
    boolean barrier = was.securityBarrier();
    String check = was.checkOption();
    String comment = was.comment();
    switch (viewOptionRandom.nextInt(8)) {
      case 0 -> barrier = !barrier;
      case 1 -> check = check == null ? "local" : check.equals("local") ? "cascaded" : null;
      case 2 -> comment = comment == null ? "View " + view.name().name() + "." : null;
      default -> { }
    }
    return view.withOptions(barrier, check, false, comment);
  }

  /**
   * Sometimes adds a range partition to a partitioned table (the default partition hands it its
   * rows) or detaches one (kept in the backup). Partitioned tables are partitioned by range of their
   * uuid key, one range per leading hex digit, and always keep their default partition, so that
   * every row has a partition.
   */
  private Schema evolvePartitions(Schema schema) {
    List<Table> partitioned = schema.tables().stream().filter(Table::partitioned).toList();
    if (partitioned.isEmpty() || partitionRandom.nextInt(3) != 0) {
      return schema;
    }
    Table table = partitioned.get(partitionRandom.nextInt(partitioned.size()));
    List<Partition> partitions = table.partitioning().partitions();
    List<Partition> ranges = partitions.stream().filter(p -> !p.isDefault()).toList();
    List<Partition> next = new ArrayList<>(partitions);
    if (partitionRandom.nextBoolean() || ranges.isEmpty()) {
      List<Integer> free = new ArrayList<>();
      for (int digit = 0; digit < 16; digit++) {
        String from = rangeStart(digit);
        if (ranges.stream().noneMatch(p -> p.from().equals(from))) {
          free.add(digit);
        }
      }
      if (free.isEmpty()) {
        return schema;
      }
      next.add(range(free.get(partitionRandom.nextInt(free.size()))));
    } else {
      next.remove(ranges.get(partitionRandom.nextInt(ranges.size())));
    }
    return schema.withTable(table.withPartitioning(table.partitioning().withPartitions(next)));
  }

  /** The partition of the uuids whose first hex digit is {@code digit}. */
  private Partition range(int digit) {
    return Partition.range("p" + next(), rangeStart(digit), digit == 15 ? "MAXVALUE" : rangeStart(digit + 1));
  }

  private static String rangeStart(int digit) {
    return "'" + Integer.toHexString(digit) + "0000000-0000-0000-0000-000000000000'";
  }

  /**
   * Sometimes a new table is partitioned by range of its key, with a default partition and one
   * range; not one with an identity column (PostgreSQL 17 is the first to allow them there).
   */
  private Table maybePartitioned(Table table) {
    if (!partitions || partitionRandom.nextInt(4) != 0
        || table.columns().stream().anyMatch(c -> c.identity().isIdentity())) {
      return table;
    }
    return table.withPartitioning(new Partitioning("range", List.of("id"),
        List.of(Partition.defaultPartition("p" + next()), range(partitionRandom.nextInt(16)))));
  }

  /** A view reading {@code source} ({@code table:<class>} or {@code view:<name>}), if it is there. */
  private static java.util.Optional<View> viewOver(Schema schema, List<View> views, String source,
      QualifiedName name) {
    return viewOver(schema, views, source, name, 2);
  }

  /** How many columns of its table a view over a table selects: two, or three. */
  private static int widthOf(View view) {
    int from = view.sql().indexOf(" FROM ");
    return from > 0 && view.sql().substring(0, from).split(",").length >= 3 ? 3 : 2;
  }

  /**
   * A view reading {@code source}, if it is there: over a table, its first {@code width} columns
   * (as many as it has, when fewer); over a view, all of its columns.
   */
  private static java.util.Optional<View> viewOver(Schema schema, List<View> views, String source,
      QualifiedName name, int width) {
    if (source.startsWith("table:")) {
      return schema.tables().stream().filter(t -> source.equals("table:" + t.javaClass())).findFirst()
          .map(t -> new View(name, source, "SELECT " + String.join(", ", t.columns().stream().limit(width)
              .map(c -> Sql.ident(c.name())).toList()) + " FROM " + t.name().sql()));
    }
    return views.stream().filter(v -> source.equals("view:" + v.name().name())).findFirst()
        .map(v -> new View(name, source, "SELECT * FROM " + v.name().sql()));
  }

  /** The base types of the domains {@link #evolveDomains} declares. */
  private static final List<String> DOMAIN_TYPES = List.of("integer", "bigint", "text", "character varying(100)");

  /**
   * Sometimes one domain change: a domain created (NOT NULL, a default, checks, a collation, a
   * comment, each or not), a column of a domain (or an array of one) added, a column of a domain's
   * base type (or an array of it) retyped to the domain or one back to the base type, a domain's
   * default, NOT NULL, checks or comment changed (only as the rows allow: its checks hold for every
   * value {@link Rows} writes, NOT NULL only when no column of it may hold NULL; neither while an
   * array column uses it, which the processor refuses), an unused domain's base type or collation
   * changed (dropped and created), a domain renamed with its columns, an unused one dropped.
   */
  private Schema evolveDomains(Schema schema) {
    Random r = domainRandom;
    List<Domain> domains = schema.domains();
    int dice = r.nextInt(8);
    if (dice == 7) {
      return schema;
    }
    if (domains.isEmpty() || dice == 0) {
      String base = DOMAIN_TYPES.get(r.nextInt(DOMAIN_TYPES.size()));
      QualifiedName name = new QualifiedName(r.nextInt(5) == 0 ? "other" : "public",
          "dm%03d".formatted(++domainCounter));
      List<CheckConstraint> checks = new ArrayList<>();
      for (String expression : domainChecks(base)) {
        if (r.nextBoolean()) {
          checks.add(new CheckConstraint(name.name() + "_k" + ++domainCounter, expression));
        }
      }
      return schema.withDomain(new Domain(name, "gen.Domains", base, r.nextInt(3) == 0,
          r.nextBoolean() ? DEFAULTS.get(base) : null, checks,
          !base.startsWith("int") && !base.equals("bigint") && r.nextInt(4) == 0 ? "C" : null,
          r.nextBoolean() ? "domain " + name.name() : null, null));
    }
    Domain domain = domains.get(r.nextInt(domains.size()));
    switch (dice) {
      case 1:
        return addDomainColumn(schema, domain);
      case 2:
        return retypeToDomain(schema, domain);
      case 3:
        return retypeFromDomain(schema, domain);
      case 4:
        return changeDomain(schema, domain);
      case 5: {
        QualifiedName to = new QualifiedName(domain.name().schema(), "dm%03d".formatted(++domainCounter));
        Schema renamed = new Change.RenameDomain(domain.name(), to).applyTo(schema);
        Domain now = renamed.domain(to).orElseThrow();
        return renamed.withDomain(new Domain(to, now.javaClass(), now.baseType(), now.notNull(), now.defaultSql(),
            now.checks(), now.collation(), now.comment(),
            domain.renamedFrom() != null ? domain.renamedFrom() : domain.name().name()));
      }
      default:
        return domainColumns(schema, domain).isEmpty() ? schema.withoutDomain(domain.name()) : schema;
    }
  }

  /** Checks of a domain over {@code base} that every value {@link Rows} writes (and defaults) meet. */
  private static List<String> domainChecks(String base) {
    return base.equals("integer") || base.equals("bigint")
        ? List.of("VALUE > -1000000", "VALUE < 1000000000")
        : List.of("VALUE <> ''", "length(VALUE) < 100");
  }

  /** The domain without its rename hint: hints live for one compile. */
  private static Domain withoutRenameHint(Domain d) {
    return new Domain(d.name(), d.javaClass(), d.baseType(), d.notNull(), d.defaultSql(), d.checks(),
        d.collation(), d.comment(), null);
  }

  /** The columns of {@code domain} (or arrays of it) in {@code schema}. */
  private static List<Column> domainColumns(Schema schema, Domain domain) {
    return schema.tables().stream().flatMap(t -> t.columns().stream()).filter(c -> domain.isTypeOf(c.type()))
        .toList();
  }

  /**
   * A new column of the domain, or of an array of it, on a random table: existing rows get the
   * domain's default, or the column's when a NULL would not do.
   */
  private Schema addDomainColumn(Schema schema, Domain domain) {
    Random r = domainRandom;
    if (schema.tables().isEmpty()) {
      return schema;
    }
    Table table = schema.tables().get(r.nextInt(schema.tables().size()));
    String name = "c" + next();
    Column column;
    if (r.nextInt(3) == 0) {
      boolean nullable = r.nextBoolean();
      column = new Column(name, domain.columnType() + "[]", null, nullable, nullable ? null : "'{}'",
          Identity.NONE, null, null);
    } else {
      boolean nullable = r.nextBoolean();
      boolean needsValue = !nullable || domain.notNull();
      String defaultSql = needsValue && domain.defaultSql() == null || r.nextInt(3) == 0
          ? DEFAULTS.get(domain.baseType()) : null;
      column = new Column(name, domain.columnType(), null, nullable, defaultSql, Identity.NONE,
          r.nextBoolean() ? null : "of " + domain.name().name(), null);
    }
    if (column.nullable()) {
      mayHoldNull.add(name);
    }
    Column added = column;
    return edit(schema, table, t -> t.withColumns(plus(t.columns(), added)));
  }

  /** Retypes a plain column of the domain's base type (or an array of it) to the domain. */
  private Schema retypeToDomain(Schema schema, Domain domain) {
    Random r = domainRandom;
    List<Table> tables = new ArrayList<>();
    List<Column> candidates = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column c : plainColumns(table)) {
        boolean array = c.type().equals(domain.baseType() + "[]");
        if (c.enumType() == null && c.collation() == null && (array || c.type().equals(domain.baseType()))
            && (array || !domain.notNull() || !c.nullable() || !mayHoldNull.contains(c.name()))) {
          tables.add(table);
          candidates.add(c);
        }
      }
    }
    if (candidates.isEmpty()) {
      return schema;
    }
    int i = r.nextInt(candidates.size());
    Column c = candidates.get(i);
    return replaceColumn(schema, tables.get(i), c,
        c.withType(domain.columnType() + (c.type().endsWith("[]") ? "[]" : ""), null));
  }

  /** Retypes a plain column of the domain (or of an array of it) back to the base type. */
  private Schema retypeFromDomain(Schema schema, Domain domain) {
    for (Table table : schema.tables()) {
      List<Column> candidates = plainColumns(table).stream().filter(c -> domain.isTypeOf(c.type())).toList();
      if (!candidates.isEmpty()) {
        Column c = candidates.get(domainRandom.nextInt(candidates.size()));
        return replaceColumn(schema, table, c,
            c.withType(domain.baseType() + (c.type().endsWith("[]") ? "[]" : ""), null));
      }
    }
    return schema;
  }

  /** One change of a domain's definition, as the rows allow (see {@link #evolveDomains}). */
  private Schema changeDomain(Schema schema, Domain d) {
    Random r = domainRandom;
    List<Column> users = domainColumns(schema, d);
    String startName = d.renamedFrom() != null ? d.renamedFrom() : d.name().name();
    boolean arrays = users.stream().anyMatch(c -> c.type().endsWith("[]"))
        || stepStart.domain(new QualifiedName(d.name().schema(), startName))
            .map(old -> domainColumns(stepStart, old).stream().anyMatch(c -> c.type().endsWith("[]")))
            .orElse(false);
    boolean notNull = d.notNull();
    String defaultSql = d.defaultSql();
    List<CheckConstraint> checks = new ArrayList<>(d.checks());
    String comment = d.comment();
    String base = d.baseType();
    String collation = d.collation();
    switch (r.nextInt(6)) {
      case 0 -> {
        if (!arrays && (notNull || users.stream().allMatch(c -> !c.nullable() || !mayHoldNull.contains(c.name())))) {
          notNull = !notNull;
        }
      }
      case 1 -> defaultSql = defaultSql == null ? DEFAULTS.get(base) : null;
      case 2 -> {
        if (!arrays) {
          List<String> missing = domainChecks(base).stream()
              .filter(e -> d.checks().stream().noneMatch(k -> k.expression().equals(e))).toList();
          if (!missing.isEmpty() && r.nextBoolean()) {
            checks.add(new CheckConstraint(d.name().name() + "_k" + ++domainCounter,
                missing.get(r.nextInt(missing.size()))));
          } else if (!checks.isEmpty()) {
            checks.remove(r.nextInt(checks.size()));
          }
        }
      }
      case 3 -> {
        if (!checks.isEmpty()) {
          CheckConstraint old = checks.remove(r.nextInt(checks.size()));
          checks.add(new CheckConstraint(d.name().name() + "_k" + ++domainCounter, old.expression()));
        }
      }
      case 4 -> comment = comment == null ? "domain " + d.name().name() + " changed" : null;
      default -> {
        if (users.isEmpty() && stepStart.tables().stream().flatMap(t -> t.columns().stream())
            .noneMatch(c -> c.type().startsWith(new QualifiedName(d.name().schema(), startName).sql()))) {
          // Unused: the base type or collation may change (dropped and created again).
          List<String> others = new ArrayList<>(DOMAIN_TYPES);
          others.remove(base);
          base = others.get(r.nextInt(others.size()));
          defaultSql = defaultSql == null ? null : DEFAULTS.get(base);
          // Its checks are of the catalogue: each becomes the new base type's counterpart.
          String newBase = base;
          checks = new ArrayList<>(checks.stream().map(k -> new CheckConstraint(k.name(),
              domainChecks(newBase).get(domainChecks(d.baseType()).indexOf(k.expression())))).toList());
          collation = base.startsWith("int") || base.equals("bigint") ? null : r.nextBoolean() ? "C" : null;
        }
      }
    }
    return schema.withDomain(new Domain(d.name(), d.javaClass(), base, notNull, defaultSql, checks, collation,
        comment, d.renamedFrom()));
  }

  private Schema mutateOnce(Schema schema) {
    if (schema.tables().isEmpty()) {
      return schema.withTable(newTable(schema, "public"));
    }
    Table table = schema.tables().get(random.nextInt(schema.tables().size()));
    switch (random.nextInt(22)) {
      case 0: return schema.withTable(newTable(schema, random.nextInt(4) == 0 ? "other" : "public"));
      case 1: return dropTable(schema, table);
      case 2: return renameTable(schema, table);
      case 3: return addColumn(schema, table);
      case 4: return random.nextInt(3) == 0 ? rekey(schema, table) : dropColumn(schema, table);
      case 5: return renameColumn(schema, table);
      case 6: return random.nextInt(4) == 0 ? changeCollation(schema, table) : changeType(schema, table);
      case 7: return changeNullability(schema, table);
      case 8: return changeDefault(schema, table);
      case 9: return edit(schema, table, t -> t.withComment(random.nextBoolean() ? null : "c" + next()));
      // Indexes and foreign keys of a partitioned table are built in the transaction, also in a
      // strict plan (PostgreSQL builds them on every partition, and not concurrently).
      case 10: return table.partitioned() ? schema : addIndex(schema, table);
      case 11: return table.partitioned() ? schema : edit(schema, table, t -> t.withIndexes(dropOne(t.indexes())));
      case 12: return addUnique(schema, table);
      case 13: return edit(schema, table, t -> t.withUniques(dropOne(t.uniques())));
      case 14: return addCheck(schema, table);
      case 15: return edit(schema, table, t -> t.withChecks(dropOne(t.checks())));
      case 16: return table.partitioned() ? schema : addForeignKey(schema, table);
      case 17: return edit(schema, table, t -> t.withForeignKeys(dropOne(t.foreignKeys())));
      case 18: return random.nextBoolean() ? changeEnum(schema) : changeStandaloneEnum(schema);
      default: return namedNotNull && random.nextInt(3) == 0 ? renameNotNull(schema, table)
          : changeGeneration(schema, table);
    }
  }

  /**
   * Changes how a NOT NULL integer column without default generates values (rows already hold
   * some): makes it an identity or serial column, switches between the two, takes generation
   * away, or changes a serial column's type.
   */
  private Schema changeGeneration(Schema schema, Table table) {
    if (table.partitioned()) {
      return schema; // no identity columns on partitioned tables before PostgreSQL 17
    }
    List<Column> candidates = freeColumns(table).stream()
        .filter(c -> (c.type().equals("bigint") || c.type().equals("integer")) && !c.nullable()
            && c.defaultSql() == null)
        .toList();
    if (candidates.isEmpty()) {
      return schema;
    }
    Column c = candidates.get(random.nextInt(candidates.size()));
    Column plain = new Column(c.name(), c.type(), null, false, null, Identity.NONE, c.comment(), null);
    Column otherType = plain.withType(c.type().equals("bigint") ? "integer" : "bigint", null);
    Column changed = switch (c.identity()) {
      case NONE -> random.nextBoolean() ? identity(plain, identityKind(), sequence()) : serial(table, plain);
      case SERIAL -> switch (random.nextInt(3)) {
        case 0 -> identity(plain, identityKind(), sequence());
        case 1 -> plain;
        default -> serial(table, otherType);
      };
      default -> switch (random.nextInt(5)) {
        case 0 -> serial(table, plain);
        case 1 -> plain;
        case 2 -> identity(plain, c.identity() == Identity.ALWAYS ? Identity.BY_DEFAULT : Identity.ALWAYS,
            c.sequence());
        // Not narrowed when ALWAYS: the reverse's restore of the old values cannot write them.
        case 3 -> c.identity() == Identity.ALWAYS && c.type().equals("bigint")
            ? identity(plain, Identity.BY_DEFAULT, c.sequence())
            : identity(otherType, c.identity(), c.sequence());
        default -> identity(plain, c.identity(), sequence());
      };
    };
    return replaceColumn(schema, table, c, changed);
  }

  private static Column identity(Column plain, Identity kind, Sequence sequence) {
    return new Column(plain.name(), plain.type(), null, false, null, kind, plain.comment(), null, sequence);
  }

  private Identity identityKind() {
    return random.nextBoolean() ? Identity.ALWAYS : Identity.BY_DEFAULT;
  }

  /**
   * Random options for an identity's sequence, as {@code @Identity} would state them (null for
   * none): counting up or down, in ranges and from starts that fit integer columns and the values
   * {@link Rows} writes, sometimes with a name (a name left out keeps the one it has).
   */
  private Sequence sequence() {
    if (random.nextInt(3) == 0) {
      return null;
    }
    boolean down = random.nextInt(4) == 0;
    Long increment = down ? Long.valueOf(-1 - random.nextInt(2))
        : random.nextBoolean() ? null : Long.valueOf(1 + random.nextInt(9));
    Long min = down ? (random.nextBoolean() ? null : -1_000_000L) : (random.nextBoolean() ? null : 1L + random.nextInt(10));
    Long max = down ? (random.nextBoolean() ? null : -1L - random.nextInt(10)) : (random.nextBoolean() ? null : 1_000_000L);
    Long start = random.nextBoolean() ? null
        : down ? Long.valueOf(-20 - random.nextInt(5000)) : Long.valueOf(20 + random.nextInt(5000));
    Long cache = random.nextInt(3) == 0 ? Long.valueOf(1 + random.nextInt(20)) : null;
    Boolean cycle = random.nextInt(4) == 0 ? Boolean.valueOf(random.nextBoolean()) : null;
    String name = random.nextInt(3) == 0 ? "s" + next() : null;
    Sequence sequence = new Sequence(name, start, increment, min, max, cache, cycle);
    return sequence.isEmpty() ? null : sequence;
  }

  /** A serial column, with its sequence named as the processor names it. */
  private static Column serial(Table table, Column plain) {
    return new Column(plain.name(), plain.type(), null, false, null, Identity.SERIAL, plain.comment(),
        null, Sequence.named(Names.derived(table.name().name(), List.of(plain.name()), "seq")));
  }

  /** Serial columns' sequences named after the table and column, as the processor names them. */
  private static Table withSerialNames(Table table) {
    return table.withColumns(table.columns().stream()
        .map(c -> c.identity() == Identity.SERIAL ? serial(table, c).withRenamedFrom(c.renamedFrom()) : c)
        .toList());
  }

  private Table newTable(Schema schema, String namespace) {
    String name = "t" + next();
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("id", "uuid", null, false, "gen_random_uuid()", Identity.NONE, "key", null));
    if (random.nextBoolean()) {
      Identity[] kinds = {Identity.ALWAYS, Identity.BY_DEFAULT, Identity.SERIAL};
      Identity kind = kinds[random.nextInt(kinds.length)];
      columns.add(new Column("seq", random.nextBoolean() ? "bigint" : "integer", null, false, null, kind,
          null, null, kind == Identity.SERIAL ? Sequence.named(Names.derived(name, List.of("seq"), "seq"))
              : sequence()));
    }
    Table table = new Table(new QualifiedName(namespace, name), "gen." + name, null, columns,
        null, List.of(), List.of(), List.of(), List.of(), null);
    for (int i = random.nextInt(4); i >= 0; i--) {
      columns.add(newColumn(schema, table.withColumns(columns)));
    }
    // Some keys are named explicitly, as @Id(name) does: renames keep those names.
    String key = random.nextInt(4) == 0 ? "pk" + next() : name + "_pkey";
    return maybePartitioned(new Table(new QualifiedName(namespace, name), "gen." + name,
        random.nextBoolean() ? "table " + name : null, columns, new PrimaryKey(key, List.of("id")), List.of(),
        List.of(), List.of(), List.of(), null));
  }

  private Column newColumn(Schema schema, Table table) {
    boolean reserved = random.nextInt(10) == 0 && table.column("order").isEmpty();
    String name = reserved ? "order" : "c" + next();
    if (random.nextInt(6) == 0) {
      EnumType type = schema.enumType(MOOD).orElseThrow();
      return new Column(name, Sql.ident(type.name()), type.name(), random.nextBoolean(),
          Sql.literal(type.values().get(0)), Identity.NONE, null, null);
    }
    String type = SCALARS.get(random.nextInt(SCALARS.size()));
    boolean nullable = random.nextBoolean();
    String defaultSql = nullable && random.nextBoolean() ? null : DEFAULTS.get(type);
    return new Column(name, type, null, nullable, defaultSql, Identity.NONE,
        random.nextInt(3) == 0 ? "about " + name : null, null, null, nullable ? null : notNullName());
  }

  /** A name for a NOT NULL constraint, or null to leave it to PostgreSQL. */
  private String notNullName() {
    return namedNotNull && random.nextInt(3) == 0 ? "nn" + next() : null;
  }

  /** Names (or renames) the NOT NULL constraint of a column. */
  private Schema renameNotNull(Schema schema, Table table) {
    List<Column> candidates = table.columns().stream().filter(c -> !c.nullable()).toList();
    if (candidates.isEmpty()) {
      return schema;
    }
    Column c = candidates.get(random.nextInt(candidates.size()));
    return replaceColumn(schema, table, c, c.withNotNullName("nn" + next()).withRenamedFrom(null));
  }

  private Schema addColumn(Schema schema, Table table) {
    Column column = newColumn(schema, table);
    if (column.nullable() && column.defaultSql() == null) {
      mayHoldNull.add(column.name());
    }
    return edit(schema, table, t -> t.withColumns(plus(t.columns(), column)));
  }

  private Schema dropTable(Schema schema, Table table) {
    Schema result = schema.withoutTable(table.name());
    for (Table other : result.tables()) {
      List<ForeignKey> kept = other.foreignKeys().stream()
          .filter(fk -> !fk.target().equals(table.name())).toList();
      result = result.withTable(other.withForeignKeys(kept));
    }
    return result;
  }

  private Schema renameTable(Schema schema, Table table) {
    String namespace = random.nextInt(4) == 0 ? "other" : table.name().schema();
    QualifiedName to = new QualifiedName(namespace, "r" + next());
    // A table renamed twice in one step is renamed from the name it had before the step.
    Table renamed = table.withName(to)
        .withRenamedFrom(table.renamedFrom() != null ? table.renamedFrom() : table.name().toString());
    if (random.nextBoolean()) {
      // As the processor names them: key and indexes follow the table's new name, unless named.
      String prefix = table.name().name() + "_";
      renamed = renamed
          .withPrimaryKey(table.primaryKey().name().startsWith(prefix)
              ? table.primaryKey().withName(to.name() + "_pkey") : table.primaryKey())
          .withIndexes(table.indexes().stream().map(i -> i.name().startsWith(prefix)
              ? i.withName(to.name() + "_" + i.name().substring(prefix.length())) : i).toList());
    }
    Schema result = schema.withoutTable(table.name()).withTable(withSerialNames(renamed));
    for (Table other : result.tables()) {
      result = result.withTable(other.withForeignKeys(other.foreignKeys().stream()
          .map(fk -> fk.target().equals(table.name()) ? fk.withTarget(to) : fk).toList()));
    }
    return result;
  }

  private Schema dropColumn(Schema schema, Table table) {
    List<Column> candidates = table.columns().stream()
        .filter(c -> !c.name().equals(key(table)) && !readByGenerated(table, c)).toList();
    if (candidates.isEmpty()) {
      return schema;
    }
    String name = candidates.get(random.nextInt(candidates.size())).name();
    return edit(schema, table, t -> without(t, name));
  }

  /** The table without a column and what mentions it. */
  private static Table without(Table t, String name) {
    return t.withColumns(t.columns().stream().filter(c -> !c.name().equals(name)).toList())
        .withIndexes(t.indexes().stream().filter(i -> !mentions(i, name)).toList())
        .withUniques(t.uniques().stream().filter(u -> !u.columns().contains(name)).toList())
        .withChecks(t.checks().stream().filter(c -> !c.expression().contains("\"" + name + "\"")).toList())
        .withForeignKeys(t.foreignKeys().stream().filter(f -> !f.columns().contains(name)).toList());
  }

  /**
   * Moves the primary key to a uuid column whose rows hold distinct values (NOT NULL, filled by
   * {@code gen_random_uuid()}, there before this step) and drops the old key column, whose values
   * the reverse puts back; references to the table go (they name the old key). Without such a
   * column, adds one for a later step.
   */
  private Schema rekey(Schema schema, Table chosen) {
    if (chosen.partitioned()) {
      return schema; // the key of a partitioned table holds its partition key
    }
    Table table = keyCandidates(chosen).isEmpty() ? schema.tables().stream()
        .filter(t -> !t.partitioned() && !keyCandidates(t).isEmpty()).findFirst().orElse(chosen) : chosen;
    List<Column> candidates = keyCandidates(table);
    if (candidates.isEmpty()) {
      Column column = new Column("c" + next(), "uuid", null, false, "gen_random_uuid()", Identity.NONE, null, null);
      return edit(schema, table, t -> t.withColumns(plus(t.columns(), column)));
    }
    String key = candidates.get(random.nextInt(candidates.size())).name();
    Table rekeyed = without(table, key(table))
        .withPrimaryKey(new PrimaryKey(table.primaryKey().name(), List.of(key)));
    Schema result = schema.withTable(rekeyed);
    for (Table other : result.tables()) {
      result = result.withTable(other.withForeignKeys(other.foreignKeys().stream()
          .filter(fk -> !fk.target().equals(table.name())).toList()));
    }
    return result;
  }

  /** The columns a table's primary key can move to (see {@link #rekey}). */
  private List<Column> keyCandidates(Table table) {
    return freeColumns(table).stream()
        .filter(c -> c.type().equals("uuid") && !c.nullable() && "gen_random_uuid()".equals(c.defaultSql())
            && !mayHoldNull.contains(c.name()) && !repeating.contains(c.name()))
        .filter(c -> stepStart.tables().stream().anyMatch(t -> t.column(c.name()).isPresent()))
        .toList();
  }

  /** The column of a table's primary key (the generated tables have one of one column). */
  private static String key(Table table) {
    return table.primaryKey().columns().get(0);
  }

  /** Renames a column and, as a developer would, every mention of it in the table. */
  private Schema renameColumn(Schema schema, Table table) {
    List<Column> candidates = table.columns().stream()
        .filter(c -> !c.name().equals(key(table)) && !c.identity().isIdentity() && !c.isGenerated()
            && !readByGenerated(table, c)).toList();
    if (candidates.isEmpty()) {
      return schema;
    }
    Column column = candidates.get(random.nextInt(candidates.size()));
    String from = column.name();
    String to = "n" + next();
    if (mayHoldNull.contains(from)) {
      mayHoldNull.add(to);
    }
    if (repeating.contains(from)) {
      repeating.add(to);
    }
    UnaryOperator<List<String>> names = list -> list.stream().map(n -> n.equals(from) ? to : n).toList();
    UnaryOperator<String> text = sql -> sql == null ? null : sql.replace(Sql.ident(from), Sql.ident(to));
    return edit(schema, table, t -> withSerialNames(t
        .withColumns(t.columns().stream()
            .map(c -> c == column
                ? c.withName(to).withRenamedFrom(c.renamedFrom() != null ? c.renamedFrom() : from) : c)
            .toList()))
        .withUniques(t.uniques().stream().map(u -> u.withColumns(names.apply(u.columns()))).toList())
        .withChecks(t.checks().stream().map(c -> new CheckConstraint(c.name(), text.apply(c.expression()))).toList())
        .withIndexes(t.indexes().stream().map(i -> i.withParts(i.keys().stream()
            .map(k -> k.column() != null ? k.withColumn(from.equals(k.column()) ? to : k.column())
                : k.withExpression(text.apply(k.expression())))
            .toList(), text.apply(i.where()), names.apply(i.include())).withConcurrently(false)).toList())
        .withForeignKeys(t.foreignKeys().stream()
            .map(f -> f.withColumns(names.apply(f.columns()), f.targetColumns())).toList()));
  }

  private Schema changeType(Schema schema, Table table) {
    List<Column> candidates = plainColumns(table).stream()
        .filter(c -> TYPE_CHANGES.containsKey(c.type())).toList();
    if (candidates.isEmpty()) {
      return schema;
    }
    Column column = candidates.get(random.nextInt(candidates.size()));
    List<String> targets = TYPE_CHANGES.get(column.type());
    String type = targets.get(random.nextInt(targets.size()));
    String defaultSql = column.defaultSql() == null ? null : DEFAULTS.get(type);
    return replaceColumn(schema, table, column, new Column(column.name(), type, null,
        column.nullable(), defaultSql, Identity.NONE, column.comment(), null));
  }

  /** Gives a text column another collation, or takes it back to its type's default. */
  private Schema changeCollation(Schema schema, Table table) {
    List<Column> candidates = plainColumns(table).stream()
        .filter(c -> c.enumType() == null
            && (c.type().equals("text") || c.type().startsWith("character varying")))
        .toList();
    if (candidates.isEmpty()) {
      return schema;
    }
    Column column = candidates.get(random.nextInt(candidates.size()));
    List<String> others = new ArrayList<>(java.util.Arrays.asList(null, "C", "POSIX"));
    others.remove(column.collation());
    return replaceColumn(schema, table, column,
        column.withCollation(others.get(random.nextInt(others.size()))));
  }

  private Schema changeNullability(Schema schema, Table table) {
    List<Column> candidates = plainColumns(table).stream()
        .filter(c -> !c.nullable() || !mayHoldNull.contains(c.name())).toList();
    if (candidates.isEmpty()) {
      return schema;
    }
    Column c = candidates.get(random.nextInt(candidates.size()));
    return replaceColumn(schema, table, c, new Column(c.name(), c.type(), c.enumType(), !c.nullable(),
        c.defaultSql(), c.identity(), c.comment(), null, c.sequence(), c.nullable() ? notNullName() : null));
  }

  private Schema changeDefault(Schema schema, Table table) {
    List<Column> candidates = plainColumns(table).stream()
        .filter(c -> c.enumType() == null && (c.nullable() || c.defaultSql() == null)).toList();
    if (candidates.isEmpty()) {
      return schema;
    }
    Column c = candidates.get(random.nextInt(candidates.size()));
    String defaultSql = c.defaultSql() == null ? DEFAULTS.get(c.type()) : null;
    return replaceColumn(schema, table, c, new Column(c.name(), c.type(), c.enumType(), c.nullable(),
        defaultSql, c.identity(), c.comment(), null));
  }

  private Schema addIndex(Schema schema, Table table) {
    List<Column> columns = table.columns().stream()
        .filter(c -> !c.type().equals("jsonb") && !c.type().equals("text[]")).toList();
    Column column = columns.get(random.nextInt(columns.size()));
    boolean expression = column.type().equals("text") && random.nextBoolean();
    IndexKey key = expression ? new IndexKey(null, "lower(" + Sql.ident(column.name()) + ")", null, false)
        : new IndexKey(column.name(), null, null, random.nextBoolean(),
            random.nextInt(3) == 0 ? (Boolean) random.nextBoolean() : null);
    String where = random.nextInt(3) == 0 ? Sql.ident(column.name()) + " IS NOT NULL" : null;
    Index index = new Index(Names.derived(table.name().name(), List.of(column.name(), "i" + next()), "idx"),
        List.of(key), column.type().equals("uuid") && random.nextBoolean()
            && !repeating.contains(column.name()) && !table.partitioned(),
        random.nextInt(4) == 0 && !expression ? "hash" : "btree", where,
        random.nextInt(4) == 0 ? List.of(key(table)) : List.of(), false);
    Index fitted = index.method().equals("hash") ? new Index(index.name(), List.of(IndexKey.column(column.name())),
        false, "hash", where, List.of(), false) : index;
    return edit(schema, table, t -> t.withIndexes(plus(t.indexes(), fitted)));
  }

  /**
   * Changes an option of a key or an index of one table: when a foreign key or a unique constraint
   * is checked (deferrable or not), a foreign key's MATCH FULL, an index's storage parameters, or
   * the collation of an index's text column key.
   */
  private Schema changeKeyOptions(Schema schema) {
    if (schema.tables().isEmpty()) {
      return schema;
    }
    Table table = schema.tables().get(keyRandom.nextInt(schema.tables().size()));
    Deferral[] deferrals = {null, Deferral.IMMEDIATE, Deferral.DEFERRED};
    Deferral deferral = deferrals[keyRandom.nextInt(deferrals.length)];
    switch (keyRandom.nextInt(5)) {
      case 0: {
        ForeignKey fk = pickOne(table.foreignKeys());
        return fk == null ? schema : edit(schema, table, t -> t.withForeignKeys(
            replaceOne(t.foreignKeys(), fk.withDeferrable(deferral))));
      }
      case 1: {
        ForeignKey fk = pickOne(table.foreignKeys());
        return fk == null ? schema : edit(schema, table, t -> t.withForeignKeys(replaceOne(t.foreignKeys(),
            new ForeignKey(fk.name(), fk.columns(), fk.target(), fk.targetColumns(), fk.onDelete(),
                fk.onUpdate(), !fk.matchFull(), fk.deferrable()))));
      }
      case 2: {
        UniqueConstraint unique = pickOne(table.uniques());
        return unique == null ? schema : edit(schema, table, t -> t.withUniques(replaceOne(t.uniques(),
            new UniqueConstraint(unique.name(), unique.columns(), unique.nullsNotDistinct(), deferral))));
      }
      case 3: {
        Index index = pickOne(table.indexes());
        List<List<String>> choices = index == null || index.method().equals("hash")
            ? List.of(List.of(), List.of("fillfactor=70"))
            : List.of(List.of(), List.of("fillfactor=70"), List.of("deduplicate_items=off", "fillfactor=90"));
        return index == null ? schema : edit(schema, table, t -> t.withIndexes(replaceOne(t.indexes(),
            index.withStorage(choices.get(keyRandom.nextInt(choices.size())), null))));
      }
      default: {
        List<Index> textKeyed = table.indexes().stream().filter(i -> i.method().equals("btree")
            && i.keys().get(0).column() != null
            && table.column(i.keys().get(0).column()).map(c -> c.type().equals("text")).orElse(false))
            .toList();
        Index index = pickOne(textKeyed);
        if (index == null) {
          return schema;
        }
        IndexKey key = index.keys().get(0);
        IndexKey collated = new IndexKey(key.column(), null, key.opclass(), key.descending(),
            key.nullsFirst(), key.collation() == null ? "C" : null);
        List<IndexKey> keys = new ArrayList<>(index.keys());
        keys.set(0, collated);
        return edit(schema, table, t -> t.withIndexes(replaceOne(t.indexes(),
            index.withParts(keys, index.where(), index.include()))));
      }
    }
  }

  /** One of {@code items} drawn by {@link #keyRandom}, or null when there is none. */
  private <T> T pickOne(List<T> items) {
    return items.isEmpty() ? null : items.get(keyRandom.nextInt(items.size()));
  }

  /** {@code items} with the one named as {@code item} replaced by it. */
  private static <T extends dev.plinth.schema.model.Named> List<T> replaceOne(List<T> items, T item) {
    return items.stream().map(i -> i.name().equals(item.name()) ? item : i).toList();
  }

  private Schema addUnique(Schema schema, Table table) {
    if (table.partitioned()) {
      return schema; // a unique key of a partitioned table holds its partition key
    }
    // Not the key (a unique constraint that repeats the primary key is an error) nor a reference
    // column (rows share the referenced key).
    List<Column> columns = table.columns().stream().filter(c -> c.type().equals("uuid"))
        .filter(c -> !c.name().equals(key(table)) && !repeating.contains(c.name()))
        // One unique key per column: a repeated one is a compile error (PLN137).
        .filter(c -> table.uniques().stream().noneMatch(u -> u.columns().equals(List.of(c.name()))))
        .toList();
    if (columns.isEmpty()) {
      return schema;
    }
    Column column = columns.get(random.nextInt(columns.size()));
    String name = Names.derived(table.name().name(), List.of(column.name(), "u" + next()), "key");
    return edit(schema, table, t -> t.withUniques(plus(t.uniques(), new UniqueConstraint(name, List.of(column.name())))));
  }

  private Schema addCheck(Schema schema, Table table) {
    Column column = table.columns().get(random.nextInt(table.columns().size()));
    String c = Sql.ident(column.name());
    String name = Names.derived(table.name().name(), List.of("k" + next()), "check");
    return edit(schema, table, t -> t.withChecks(plus(t.checks(),
        new CheckConstraint(name, c + " IS NULL OR " + c + " IS NOT NULL"))));
  }

  /** A new nullable column referencing another table's key (or its own), empty for existing rows. */
  private Schema addForeignKey(Schema schema, Table table) {
    Table target = schema.tables().get(random.nextInt(schema.tables().size()));
    if (target.partitioned()) {
      return schema; // rows referencing a partition would keep it from being detached
    }
    String column = "ref" + next();
    mayHoldNull.add(column);
    repeating.add(column);
    ReferentialAction[] actions = ReferentialAction.values();
    ReferentialAction onDelete = actions[random.nextInt(actions.length)];
    ForeignKey fk = new ForeignKey(Names.derived(table.name().name(), List.of(column), "fkey"),
        List.of(column), target.name(), List.of(key(target)), onDelete == ReferentialAction.SET_DEFAULT
            ? ReferentialAction.SET_NULL : onDelete, ReferentialAction.NO_ACTION);
    Column ref = new Column(column, "uuid", null, true, null, Identity.NONE, null, null);
    return edit(schema, table, t -> t.withColumns(plus(t.columns(), ref))
        .withForeignKeys(plus(t.foreignKeys(), fk)));
  }

  /**
   * On a table with a column of the enum type: adds a generated column that compares it with the
   * type's first value (which is never removed), changes such a column's expression, makes it
   * plain or drops it; or adds a partial index or a check naming that value. The enum's rebuilds
   * then run under them.
   */
  private Schema enumExpressions(Schema schema) {
    Random r = expressionRandom;
    List<Table> tables = schema.tables().stream()
        .filter(t -> t.columns().stream().anyMatch(c -> MOOD.equals(c.enumType()))).toList();
    if (tables.isEmpty()) {
      return schema;
    }
    Table table = tables.get(r.nextInt(tables.size()));
    List<Column> moods = table.columns().stream().filter(c -> MOOD.equals(c.enumType())).toList();
    String mood = Sql.ident(moods.get(r.nextInt(moods.size())).name());
    String first = Sql.literal(schema.enumType(MOOD).orElseThrow().values().get(0));
    List<Column> generated = table.columns().stream().filter(Column::isGenerated).toList();
    switch (r.nextInt(4)) {
      case 0: {
        String name = "g" + next();
        Column column = new Column(name, "boolean", null, true, null, Identity.NONE, null, null)
            .withGenerated(mood + " = " + first);
        return edit(schema, table, t -> t.withColumns(plus(t.columns(), column)));
      }
      case 1: {
        if (generated.isEmpty()) {
          return schema;
        }
        Column g = generated.get(r.nextInt(generated.size()));
        // Made plain in place, a column is added back last by the rollback: only the last one is
        // made plain, so that migrating again gives the same catalog, column for column.
        boolean last = table.columns().get(table.columns().size() - 1).equals(g);
        Column changed = switch (r.nextInt(3)) {
          case 0 -> g.withGenerated(g.generated().contains(" = ") ? g.generated().replace(" = ", " <> ")
              : g.generated().replace(" <> ", " = "));
          case 1 -> last ? g.withGenerated(null) : g;
          default -> null;
        };
        if (changed == null) {
          return edit(schema, table, t -> without(t, g.name()));
        }
        if (!changed.isGenerated()) {
          mayHoldNull.add(g.name());
        }
        return replaceColumn(schema, table, g, changed);
      }
      case 2: {
        Index index = new Index(Names.derived(table.name().name(), List.of("p" + next()), "idx"),
            List.of(IndexKey.column(key(table))), false, "btree", mood + " = " + first, List.of(), false);
        return edit(schema, table, t -> t.withIndexes(plus(t.indexes(), index)));
      }
      default: {
        String name = Names.derived(table.name().name(), List.of("k" + next()), "check");
        return edit(schema, table, t -> t.withChecks(plus(t.checks(), new CheckConstraint(name,
            mood + " IS NULL OR " + mood + " = " + first + " OR " + mood + " <> " + first))));
      }
    }
  }

  /**
   * Adds, removes, reorders or renames values of the enum type the columns use, keeping the first
   * (which defaults use) or renaming it with every default that names it.
   */
  private Schema changeEnum(Schema schema) {
    EnumType type = schema.enumType(MOOD).orElseThrow();
    List<String> values = new ArrayList<>(type.values());
    int choice = random.nextInt(4);
    if (choice == 3) {
      return renameValue(schema, type, random.nextBoolean() ? 0 : random.nextInt(values.size()));
    }
    if (choice == 0 || values.size() < 3) {
      values.add(1 + random.nextInt(values.size()), label(values));
    } else if (choice == 1) {
      values.remove(1 + random.nextInt(values.size() - 1));
      // Rows that held the removed value hold NULL in nullable columns from now on.
      schema.tables().forEach(t -> t.columns().stream()
          .filter(c -> type.name().equals(c.enumType()) && c.nullable())
          .forEach(c -> mayHoldNull.add(c.name())));
    } else {
      String moved = values.remove(values.size() - 1);
      values.add(1, moved);
    }
    // Keeps the rename hints of this step, so that a value renamed before is still renamed.
    return schema.withEnum(type.withValues(values));
  }

  /** Renames one value of the type (stated as {@code @RenamedFrom} on the constant) and the defaults naming it. */
  private Schema renameValue(Schema schema, EnumType type, int index) {
    String from = type.values().get(index);
    List<String> values = new ArrayList<>(type.values());
    String to = label(values);
    values.set(index, to);
    // A value renamed twice in one step is renamed once, from its committed name.
    Map<String, String> renames = new TreeMap<>(type.renamedValues() == null ? Map.of() : type.renamedValues());
    String committed = renames.containsKey(from) ? renames.remove(from) : from;
    renames.put(to, committed);
    Schema result = schema.withEnum(new EnumType(type.name(), type.javaClass(), values, null, renames));
    for (Table table : result.tables()) {
      result = result.withTable(table.withColumns(table.columns().stream()
          .map(c -> type.name().equals(c.enumType()) && Sql.literal(from).equals(c.defaultSql())
              ? c.withDefault(Sql.literal(to)) : c)
          .map(c -> c.isGenerated() ? c.withGenerated(c.generated().replace(Sql.literal(from), Sql.literal(to))) : c)
          .toList())
          .withChecks(table.checks().stream().map(k -> new CheckConstraint(k.name(),
              k.expression().replace(Sql.literal(from), Sql.literal(to)))).toList())
          .withIndexes(table.indexes().stream().map(i -> i.where() == null ? i : new Index(i.name(), i.keys(),
              i.unique(), i.method(), i.where().replace(Sql.literal(from), Sql.literal(to)), i.include(),
              i.concurrently())).toList()));
    }
    return result;
  }

  /**
   * Creates, drops or changes an enum type of its own (no column uses it), as
   * {@code @EnumType(standalone = true)} declares one.
   */
  private Schema changeStandaloneEnum(Schema schema) {
    List<EnumType> own = schema.enums().stream().filter(e -> !e.name().equals(MOOD)).toList();
    if (own.isEmpty() || random.nextInt(4) == 0) {
      String name = "e" + next();
      List<String> values = new ArrayList<>();
      for (int i = random.nextInt(4); i >= 0; i--) {
        values.add(label(values));
      }
      return schema.withEnum(new EnumType(new QualifiedName(random.nextInt(3) == 0 ? "other" : "public", name),
          "gen.E" + name, values));
    }
    EnumType type = own.get(random.nextInt(own.size()));
    List<String> values = new ArrayList<>(type.values());
    switch (random.nextInt(4)) {
      case 0:
        return schema.withoutEnum(type.name());
      case 1:
        values.add(random.nextInt(values.size() + 1), label(values));
        break;
      case 2:
        if (values.size() > 1) {
          values.remove(random.nextInt(values.size()));
        }
        break;
      default:
        int index = random.nextInt(values.size());
        String renamed = label(values);
        String old = values.set(index, renamed);
        return schema.withEnum(new EnumType(type.name(), type.javaClass(), values, null, Map.of(renamed, old)));
    }
    return schema.withEnum(new EnumType(type.name(), type.javaClass(), values));
  }

  /**
   * A new enum label, often not a Java identifier, as {@code @EnumValue} gives them: lower case,
   * spaces, hyphens, dots, quotes, keywords, accents, up to 63 bytes.
   */
  private String label(List<String> taken) {
    int n = next();
    String label = switch (random.nextInt(8)) {
      case 0 -> "in progress " + n;
      case 1 -> "on-hold-" + n;
      case 2 -> "won't fix " + n;
      case 3 -> "v1." + n;
      case 4 -> "new";
      case 5 -> "très " + n;
      case 6 -> "x".repeat(58) + String.format("%05d", n % 100000);
      default -> "V" + n;
    };
    return taken.contains(label) ? "V" + n : label;
  }

  /** Columns without keys, identity or references: free to change. */
  private static List<Column> plainColumns(Table table) {
    return freeColumns(table).stream().filter(c -> c.identity() == Identity.NONE).toList();
  }

  /** Columns without keys or references. */
  private static List<Column> freeColumns(Table table) {
    return table.columns().stream()
        .filter(c -> !c.name().equals(key(table)))
        .filter(c -> table.foreignKeys().stream().noneMatch(f -> f.columns().contains(c.name())))
        .filter(c -> table.uniques().stream().noneMatch(u -> u.columns().contains(c.name())))
        .filter(c -> table.indexes().stream().noneMatch(i -> mentions(i, c.name())))
        .filter(c -> table.checks().stream().noneMatch(k -> k.expression().contains("\"" + c.name() + "\"")))
        .filter(c -> !c.isGenerated() && !readByGenerated(table, c))
        .toList();
  }

  /** Whether a generated column reads {@code column}: PostgreSQL then neither drops nor retypes it. */
  private static boolean readByGenerated(Table table, Column column) {
    return table.columns().stream()
        .anyMatch(g -> g.isGenerated() && g.generated().contains("\"" + column.name() + "\""));
  }

  private static boolean mentions(Index index, String column) {
    return index.keys().stream().anyMatch(k -> column.equals(k.column())
        || k.expression() != null && k.expression().contains("\"" + column + "\""))
        || index.include().contains(column)
        || index.where() != null && index.where().contains("\"" + column + "\"");
  }

  /** Replaces a column's definition, keeping a rename stated earlier in the same step. */
  private Schema replaceColumn(Schema schema, Table table, Column old, Column replacement) {
    return edit(schema, table, t -> t.withColumns(t.columns().stream()
        .map(c -> c.name().equals(old.name()) ? replacement.withRenamedFrom(old.renamedFrom()) : c)
        .toList()));
  }

  private static Schema edit(Schema schema, Table table, UnaryOperator<Table> change) {
    return schema.withTable(change.apply(table));
  }

  private <T> List<T> dropOne(List<T> items) {
    if (items.isEmpty()) {
      return items;
    }
    List<T> copy = new ArrayList<>(items);
    copy.remove(random.nextInt(copy.size()));
    return copy;
  }

  private static <T> List<T> plus(List<T> items, T item) {
    List<T> copy = new ArrayList<>(items);
    copy.add(item);
    return copy;
  }

  private int next() {
    return ++counter;
  }
}
