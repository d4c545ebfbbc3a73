package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitioned tables: the golden migrations of the {@code partitions} schema and its evolution
 * (partitions added, detached, re-bounded; a time run extended), the strict plan's concurrent
 * detach, and the refusal to partition a table in place.
 */
class PartitionGenerationTest {
  @TempDir Path migrations;

  @Test
  void partitionedTablesAndTheirEvolutionWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("partitions"))).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("partitions-evolved"));

    assertThat(evolved).succeeded();
    assertThat(evolved).hadWarningContaining("[PLN408] The migration detaches partition"
        + " public.readings_2025 of public.readings: its rows leave the table (they are kept in schema"
        + " plinth_backup_v2_public for the rollback until `prune-backups`)");
    assertGolden("partitions");
  }

  @Test
  void theStrictPlanDetachesConcurrentlyInAMigrationOutsideTheTransaction() throws IOException {
    assertThat(ProcessorRun.compileWith(migrations, ProcessorRun.schema("partitions"))).succeeded();
    Compilation evolved = ProcessorRun.compileWith(migrations,
        ProcessorRun.schema("partitions-evolved"));

    assertThat(evolved).succeeded();
    assertGolden("partitions-strict");
  }

  @Test
  void aTableCannotBecomePartitionedInPlace() {
    assertThat(ProcessorRun.compile(migrations, List.of(event("")))).succeeded();

    JavaFileObject partitioned = event(
        "@PartitionBy(type = PartitionType.RANGE, columns = \"day\")");
    Compilation compilation = ProcessorRun.compile(migrations, List.of(partitioned));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN405] Table public.event would become partitioned"
        + " (RANGE (day)), but PostgreSQL cannot change that in place. Keep the table as it is, and"
        + " declare a new table").inFile(partitioned).onLineContaining("@Table");
  }

  @Test
  void thePartitionKeyCannotChangeInPlace() {
    assertThat(ProcessorRun.compile(migrations, List.of(event(
        "@PartitionBy(type = PartitionType.RANGE, columns = \"day\")")))).succeeded();

    Compilation compilation = ProcessorRun.compile(migrations, List.of(event(
        "@PartitionBy(type = PartitionType.HASH, columns = \"day\")")));

    assertThat(compilation).hadErrorContaining(
        "[PLN405] Table public.event would change its partitioning from RANGE (day) to HASH (day)");
  }

  private static JavaFileObject event(String annotations) {
    return JavaFileObjects.forSourceString("app.Event", """
        package app;
        import dev.plinth.annotations.*;
        %s
        @Table
        record Event(@Id long id, @Id java.time.LocalDate day) {}
        """.formatted(annotations));
  }

  private void assertGolden(String name) throws IOException {
    ProcessorRun.assertGolden(migrations, name);
  }
}
