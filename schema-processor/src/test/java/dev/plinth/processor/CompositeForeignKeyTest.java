package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A composite foreign key may name the referenced key's columns in any order, as PostgreSQL allows. */
class CompositeForeignKeyTest {
  @TempDir Path migrations;

  @Test
  void referencedColumnsInAnotherOrderThanTheKeyAreAccepted() {
    var region = JavaFileObjects.forSourceString("app.Region", """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Region(@Id String country, @Id String code, String name) {}
        """);
    var office = JavaFileObjects.forSourceString("app.Office", """
        package app;
        import dev.plinth.annotations.*;
        @Table
        @ForeignKey(columns = {"regionCode", "regionCountry"}, references = Region.class,
            referencedColumns = {"code", "country"})
        record Office(@Id long id, String regionCode, String regionCountry) {}
        """);

    assertThat(ProcessorRun.compile(migrations, List.of(region, office))).succeeded();

    String v1 = ProcessorRun.files(migrations).values().stream().filter(f -> f.contains("FOREIGN KEY"))
        .findFirst().orElseThrow();
    assertTrue(v1.contains("FOREIGN KEY (\"region_code\", \"region_country\") REFERENCES \"public\".\"region\""
        + " (\"code\", \"country\")"), v1);
  }
}
