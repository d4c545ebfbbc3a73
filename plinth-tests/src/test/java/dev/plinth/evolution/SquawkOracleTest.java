package dev.plinth.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.processor.validate.MigrationLint;
import dev.plinth.processor.validate.Report;
import dev.plinth.runner.testing.Javac;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.Squawk;
import dev.plinth.runner.testing.SquawkRules;
import dev.plinth.runner.testing.SquawkRules.Announced;
import dev.plinth.runner.testing.SquawkRules.Avoided;
import dev.plinth.runner.testing.SquawkRules.NotApplicable;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.JournalCodec;
import dev.plinth.schema.journal.JournalEntry;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * squawk, an outside PostgreSQL migration linter, as an oracle: over every forward migration of
 * the processor's golden files and of the round-trip property test ({@link RandomEvolutionTest}),
 * each finding must be announced by the matching Plinth lint of the compile that generated the
 * migration, be one Plinth's SQL avoids, or not apply (see {@link SquawkRules}). The compile's
 * lints are the processor's own ({@link MigrationLint}) on the migration's changes, without
 * acknowledgements: an acknowledged lint was announced too.
 */
class SquawkOracleTest {
  private static final Path SCHEMAS = Path.of("..", "schema-processor", "src", "test", "resources", "schemas");

  /** A sequence of golden test schemas, compiled one after the other on one migrations folder. */
  private record GoldenRun(List<String> schemas, List<String> options) {}

  /** The schema sequences GenerationTest compiles into its golden files, here in strict mode. */
  private static final List<GoldenRun> GOLDEN_RUNS = List.of(
      new GoldenRun(List.of("features"), List.of()),
      new GoldenRun(List.of("basic", "evolved"), List.of()),
      new GoldenRun(List.of("basic", "evolved"), List.of("-Aplinth.tenantSchemas=true")),
      new GoldenRun(List.of("catalog", "catalog-evolved", "catalog-ordered"), List.of()),
      new GoldenRun(List.of("views", "views-evolved"), List.of()),
      new GoldenRun(List.of("keys", "keys-evolved"), List.of("-Aplinth.postgres=15")));
  private static final long[] SEEDS = {1, 2, 3, 4};
  private static final Pattern QUALIFIED = Pattern.compile("\"([^\"]+)\"\\.\"([^\"]+)\"");
  private static final List<Pattern> UNQUALIFIED = List.of(
      Pattern.compile("\\b(?:ON|TABLE) \"([^\"]+)\"(?!\\.)"),
      Pattern.compile("\\bDROP INDEX (?:CONCURRENTLY )?(?:IF EXISTS )?\"([^\"]+)\"(?!\\.)"));

  /** Where the property test's migrations are written, kept after the test to read its findings. */
  private static final Path SCRATCH = Path.of("target", "squawk-oracle");

  /** Where the golden schemas' migrations are written, kept after the test likewise. */
  private static final Path GOLDEN_SCRATCH = Path.of("target", "squawk-oracle-golden");

  /** One generated forward migration and what the compile that generated it knew. */
  private record Migration(Path file, boolean transactional, Set<QualifiedName> created,
      Set<QualifiedName> droppedWithTable, Set<String> lints) {}

  @Test
  void everyFindingOnTheGoldenMigrationsIsAnnouncedAvoidedOrNotApplicable() throws Exception {
    assertNoUnexplainedFindings(golden());
  }

  @Test
  void everyFindingOnThePropertyTestsMigrationsIsAnnouncedAvoidedOrNotApplicable() throws Exception {
    assertNoUnexplainedFindings(evolutions());
  }

  private void assertNoUnexplainedFindings(List<Migration> migrations) throws Exception {
    Map<Path, Migration> byFile = new TreeMap<>();
    migrations.forEach(m -> byFile.put(m.file().toAbsolutePath().normalize(), m));
    List<Squawk.Finding> findings = new ArrayList<>();
    for (boolean transactional : new boolean[] {true, false}) {
      findings.addAll(Squawk.lint(byFile.values().stream().filter(m -> m.transactional() == transactional)
          .map(m -> m.file().toAbsolutePath().normalize()).toList(), transactional, postgres()));
    }
    Map<String, List<String>> unexplained = new TreeMap<>();
    Map<String, Integer> tally = new TreeMap<>();
    for (Squawk.Finding finding : findings) {
      Migration migration = byFile.get(finding.file().toAbsolutePath().normalize());
      if (migration == null) {
        throw new IllegalStateException("squawk reported " + finding + ", a file it was not given: " + byFile.keySet());
      }
      String verdict = verdict(finding, migration);
      tally.merge(finding.rule() + " -> " + verdict.replaceAll(":.*", ""), 1, Integer::sum);
      if (verdict.startsWith("unexplained")) {
        unexplained.computeIfAbsent(finding.rule() + " (" + verdict.replaceAll(" \\(.*", "") + ")",
            k -> new ArrayList<>()).add(finding.file().getFileName() + ":" + (finding.line() + 1));
      }
    }
    System.out.println("squawk findings on " + migrations.size() + " migrations, by rule and verdict: "
        + tally);
    Map<String, String> summary = new TreeMap<>();
    unexplained.forEach((rule, places) -> summary.put(rule, places.size() + " finding(s), such as "
        + places.subList(0, Math.min(3, places.size()))));
    assertEquals(Map.of(), summary, "squawk findings that are neither announced by the matching Plinth"
        + " lint of their compile, nor avoided, nor inapplicable (" + SCRATCH + " keeps the property"
        + " test's migrations); all findings by rule and verdict: " + tally);
  }

  /** Why {@code finding} is acceptable, or "unexplained: ..." when it is not. */
  private static String verdict(Squawk.Finding finding, Migration migration) throws IOException {
    String statement = line(finding);
    QualifiedName table = SquawkRules.SCRIPT_RULES.contains(finding.rule()) ? null : table(statement);
    if (table != null && migration.created().contains(table)) {
      return "not applicable: " + SquawkRules.CREATED_TABLE;
    } else if (table != null && table.schema().startsWith("plinth_backup_")) {
      return "not applicable: " + SquawkRules.BACKUP_TABLE;
    } else if (finding.rule().equals(SquawkRules.INDEX_DELETION) && migration.droppedWithTable().contains(table)) {
      return "not applicable: " + SquawkRules.DROPPED_TABLE_INDEX;
    }
    for (SquawkRules.AnnouncedStatement announced : SquawkRules.ANNOUNCED_STATEMENTS) {
      if (announced.rule().equals(finding.rule()) && announced.statement().matcher(statement).find()) {
        return verdict(new Announced(announced.ids()), migration.lints());
      }
    }
    for (SquawkRules.FalsePositive wrong : SquawkRules.FALSE_POSITIVES) {
      if (wrong.rule().equals(finding.rule()) && wrong.statement().matcher(statement).find()) {
        return "not applicable: " + wrong.reason();
      }
    }
    return SquawkRules.rule(finding.rule()).map(rule -> verdict(rule, migration.lints()))
        .orElse("unexplained: the rule is not in SquawkRules");
  }

  private static String verdict(SquawkRules.Rule rule, Set<String> lints) {
    if (rule instanceof Announced a) {
      return a.ids().stream().anyMatch(lints::contains)
          ? "announced"
          : "unexplained: none of " + new TreeSet<>(a.ids()) + " among the compile's lints " + lints;
    } else if (rule instanceof Avoided a) {
      return "unexplained: Plinth's SQL must avoid it (" + a.how() + ")";
    }
    return "not applicable: " + ((NotApplicable) rule).reason();
  }

  /** The line squawk reports the finding on. */
  private static String line(Squawk.Finding finding) throws IOException {
    List<String> lines = Files.readAllLines(finding.file());
    return finding.line() >= 0 && finding.line() < lines.size() ? lines.get(finding.line()) : "";
  }

  /**
   * The first qualified name on a line: the table (or index) its statement is about. A script for a
   * schema per tenant ({@code plinth.tenantSchemas}) leaves the default schema out of names: there,
   * the unqualified table a statement is {@code ON} or alters, else the index it drops, in the
   * default schema.
   */
  private static QualifiedName table(String line) {
    Matcher name = QUALIFIED.matcher(line);
    if (name.find()) {
      return new QualifiedName(name.group(1), name.group(2));
    }
    for (Pattern unqualified : UNQUALIFIED) {
      Matcher found = unqualified.matcher(line);
      if (found.find()) {
        return new QualifiedName("public", found.group(1));
      }
    }
    return null;
  }

  /**
   * The forward migrations of the golden tests' schemas, each compiled (with the real javac and the
   * processor's defaults: strict plans) after the one before it in its sequence, as the golden tests
   * compile them; each migration with the lints of the compile that wrote it: the processor's
   * warnings and its lints on all the compile's changes, acknowledging nothing.
   */
  private static List<Migration> golden() throws IOException {
    deleteRecursively(GOLDEN_SCRATCH);
    Files.createDirectories(GOLDEN_SCRATCH);
    List<Migration> migrations = new ArrayList<>();
    for (int run = 0; run < GOLDEN_RUNS.size(); run++) {
      Path folder = GOLDEN_SCRATCH.resolve("run" + run);
      for (String schema : GOLDEN_RUNS.get(run).schemas()) {
        Set<String> before = Files.exists(folder) ? Javac.contents(folder).keySet() : Set.of();
        List<String> warnings = Javac.warnings(GOLDEN_SCRATCH, SCHEMAS.resolve(schema), folder,
            GOLDEN_RUNS.get(run).options());
        migrations.addAll(compiled(folder, before, warnings));
      }
    }
    return migrations;
  }

  /** The forward migrations a compile wrote into {@code folder} (those not among {@code before}). */
  private static List<Migration> compiled(Path folder, Set<String> before, List<String> warnings)
      throws IOException {
    List<Path> forward = new ArrayList<>();
    List<JournalEntry> entries = new ArrayList<>();
    for (String file : Javac.contents(folder).keySet()) {
      if (!before.contains(file) && file.matches("migration/V\\d+.*\\.sql")) {
        forward.add(folder.resolve(file));
        entries.add(JournalCodec.read(Files.readString(folder.resolve(
            file.replaceAll("^migration/", "schema/").replaceAll("\\.sql$", ".json")))));
      }
    }
    List<Change> changes = entries.stream().flatMap(e -> e.changes().stream()).toList();
    Set<String> lints = new TreeSet<>(warnings);
    if (!entries.isEmpty()) {
      lints.addAll(lints(entries.get(0).version(), null, changes));
    }
    List<Migration> migrations = new ArrayList<>();
    for (int i = 0; i < forward.size(); i++) {
      migrations.add(new Migration(forward.get(i), entries.get(i).transactional(), created(changes),
          droppedWithTable(changes), lints));
    }
    return migrations;
  }

  /** The migrations {@link RandomEvolutionTest} generates, written to files. */
  private List<Migration> evolutions() throws IOException, SQLException {
    boolean namedNotNull = postgres() >= 18;
    deleteRecursively(SCRATCH);
    Files.createDirectories(SCRATCH);
    List<Migration> migrations = new ArrayList<>();
    for (long seed : SEEDS) {
      // Without partitioned tables: squawk's require-concurrent-partition-detach is not mapped to
      // Plinth's lints for every detach yet (those of a dropped table's partitions, say).
      SchemaMutator mutator = new SchemaMutator(seed, namedNotNull, false);
      Schema current = Schema.EMPTY;
      Schema next = mutator.initial();
      int version = 0;
      for (int step = 0; step <= RandomEvolutionTest.STEPS; step++) {
        List<Change> changes = SchemaDiff.diff(current, next);
        Set<String> lints = lints(String.valueOf(version + 1), current, changes);
        for (RandomEvolutionTest.Script script : RandomEvolutionTest.scripts(current, changes, version, true)) {
          Path file = SCRATCH.resolve("seed" + seed + "_V" + ++version + ".sql");
          Files.writeString(file, script.forward());
          migrations.add(new Migration(file, script.transactional(), created(changes),
              droppedWithTable(changes), lints));
        }
        current = Changes.apply(current, changes);
        next = mutator.mutate(current);
      }
    }
    return migrations;
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /**
   * The ids of the processor's migration lints on {@code changes} from {@code before} (null when not
   * known), acknowledging nothing.
   */
  private static Set<String> lints(String version, Schema before, List<Change> changes) {
    Report report = new Report();
    new MigrationLint(report, Map.of()).check(version, before, changes);
    return report.items().stream().map(i -> i.message().id()).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The indexes (by qualified name) of the tables the changes drop, dropped just before them. */
  private static Set<QualifiedName> droppedWithTable(List<Change> changes) {
    Set<QualifiedName> dropped = changes.stream().filter(c -> c instanceof Change.DropTable)
        .map(c -> ((Change.DropTable) c).table().name()).collect(Collectors.toSet());
    return changes.stream().filter(c -> c instanceof Change.DropIndex d && dropped.contains(d.table()))
        .map(c -> (Change.DropIndex) c)
        .map(d -> new QualifiedName(d.table().schema(), d.index().name())).collect(Collectors.toSet());
  }

  private static Set<QualifiedName> created(List<Change> changes) {
    return changes.stream().filter(c -> c instanceof Change.CreateTable)
        .map(c -> ((Change.CreateTable) c).table().name()).collect(Collectors.toSet());
  }

  /** The major version of the PostgreSQL the tests run on, which the migrations target. */
  private static int postgres() throws SQLException {
    try (Connection connection = SharedPostgres.server().getPostgresDatabase().getConnection()) {
      return connection.getMetaData().getDatabaseMajorVersion();
    }
  }
}
