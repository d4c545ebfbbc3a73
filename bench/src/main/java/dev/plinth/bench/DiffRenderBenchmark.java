package dev.plinth.bench;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.render.MigrationScript;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * 3. diff+render in-process: 1000 tables of 20 columns, 10% of them changed (a new column and a
 * new index each), diffed and rendered forward and reverse, as the processor does per compile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DiffRenderBenchmark {
  static final int TABLES = 1000;

  Schema before;
  Schema after;
  List<Change> changes;

  @Setup
  public void setUp() {
    before = schema(false);
    after = schema(true);
    changes = SchemaDiff.diff(before, after);
  }

  /** The 1000-table schema; with {@code changed}, every tenth table has one more column and index. */
  static Schema schema(boolean changed) {
    List<Table> tables = new ArrayList<>();
    for (int i = 1; i <= TABLES; i++) {
      Table t = wide(MigrationSet.table(i));
      if (changed && i % 10 == 0) {
        List<Column> columns = new ArrayList<>(t.columns());
        columns.add(new Column("extra", "text", null, true, null, Identity.NONE, null, null));
        List<Index> indexes = new ArrayList<>(t.indexes());
        indexes.add(new Index(t.name().name() + "_extra_idx", List.of(IndexKey.column("extra")), false, "btree",
            null, List.of(), false));
        t = new Table(t.name(), t.javaClass(), t.comment(), columns, t.primaryKey(), t.uniques(), t.checks(),
            indexes, t.foreignKeys(), null);
      }
      tables.add(t);
    }
    return new Schema(tables, List.of());
  }

  /** The 10-column table with 10 more columns: 20 in all. */
  private static Table wide(Table t) {
    List<Column> columns = new ArrayList<>(t.columns());
    for (int c = 1; c <= 10; c++) {
      columns.add(new Column("extra_" + c, c % 2 == 0 ? "integer" : "text", null, true, null, Identity.NONE,
          null, null));
    }
    return new Table(t.name(), t.javaClass(), t.comment(), columns, t.primaryKey(), t.uniques(), t.checks(),
        t.indexes(), t.foreignKeys(), null);
  }

  @Benchmark
  public void diffAndRender(Blackhole sink) {
    List<Change> diff = SchemaDiff.diff(before, after);
    sink.consume(MigrationScript.forward("2", before, diff, "5s", true, false));
    sink.consume(MigrationScript.reverse("2", before, diff, "5s", true, false));
  }

  @Benchmark
  public List<Change> diffOnly() {
    return SchemaDiff.diff(before, after);
  }

  @Benchmark
  public void renderOnly(Blackhole sink) {
    sink.consume(MigrationScript.forward("2", before, changes, "5s", true, false));
    sink.consume(MigrationScript.reverse("2", before, changes, "5s", true, false));
  }
}
