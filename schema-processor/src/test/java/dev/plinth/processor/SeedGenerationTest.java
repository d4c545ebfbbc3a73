package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.plinth.processor.seed.SeedSetProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed seed builders and the seed set index, compiled by a real javac together with seed sets
 * that use them (inputs under {@code src/test/resources/seeds}, golden files under
 * {@code src/test/resources/golden/seeds}).
 */
class SeedGenerationTest {
  private static final Path SEEDS = Path.of("src/test/resources/seeds");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/seeds");

  @TempDir Path migrations;

  private Compilation compile(List<JavaFileObject> sources) {
    return javac().withProcessors(new PlinthProcessor(), new SeedSetProcessor())
        .withOptions("-Aplinth.migrations=" + migrations)
        .compile(sources);
  }

  private static List<JavaFileObject> with(List<JavaFileObject> schema, String... seedSets) {
    List<JavaFileObject> all = new ArrayList<>(schema);
    for (String seedSet : seedSets) {
      all.add(ProcessorRun.source(SEEDS.resolve(seedSet + ".java")));
    }
    return all;
  }

  private static List<JavaFileObject> plus(List<JavaFileObject> schema, JavaFileObject source) {
    List<JavaFileObject> all = new ArrayList<>(schema);
    all.add(source);
    return all;
  }

  @Test
  void generatedBuilderMatchesTheGoldenFile() throws IOException {
    Compilation compilation = compile(with(ProcessorRun.schema("seeded"), "LeagueSeeds"));

    assertThat(compilation).succeeded();
    for (String name : List.of("PlayerSeed", "Seeds")) {
      JavaFileObject generated = compilation.generatedSourceFile("league." + name).orElseThrow();
      Path golden = GOLDEN.resolve(name + ".java");
      if (System.getenv("PLINTH_UPDATE_GOLDEN") != null) { // PLINTH_UPDATE_GOLDEN=1 rewrites them
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, generated.getCharContent(true));
      }
      assertEquals(Files.readString(golden), generated.getCharContent(true).toString(), name);
    }
  }

  /** A generated column is neither a parameter of insert nor a setter: PostgreSQL computes it. */
  @Test
  void aGeneratedColumnCannotBeGivenBySeedRows() throws IOException {
    List<JavaFileObject> schema = ProcessorRun.schema("generated");
    JavaFileObject fine = JavaFileObjects.forSourceString("shop.seed.Lines", """
        package shop.seed;

        import dev.plinth.seed.SeedSet;
        import dev.plinth.seed.SeedSource;
        import java.math.BigDecimal;
        import shop.Seeds;

        @SeedSet(env = "dev")
        public final class Lines implements SeedSource<Seeds> {
          @Override
          public void seed(Seeds db) {
            db.lineItem().insert(1L, BigDecimal.ONE, 2, "a");
          }
        }
        """);
    Compilation compiled = compile(plus(schema, fine));
    assertThat(compiled).succeeded();
    String builder = compiled.generatedSourceFile("shop.LineItemSeed").orElseThrow().getCharContent(true).toString();
    for (String generated : List.of("total", "discounted", "doubled", "open")) {
      assertEquals(false, builder.contains("public Row " + generated + "("), generated + " has no setter");
    }

    JavaFileObject setting = JavaFileObjects.forSourceString("shop.seed.Totals", """
        package shop.seed;

        import dev.plinth.seed.SeedSet;
        import dev.plinth.seed.SeedSource;
        import java.math.BigDecimal;
        import shop.Seeds;

        @SeedSet(env = "dev")
        public final class Totals implements SeedSource<Seeds> {
          @Override
          public void seed(Seeds db) {
            db.lineItem().insert(1L, BigDecimal.ONE, 2, "a").total(BigDecimal.TEN);
          }
        }
        """);
    Compilation refused = compile(plus(schema, setting));
    assertThat(refused).failed();
    assertThat(refused).hadErrorContaining("cannot find symbol").inFile(setting)
        .onLineContaining(".total(BigDecimal.TEN)");
  }

  /** Records nested in a class get builders named after both, and a reference to a nested parent is typed. */
  @Test
  void nestedRecordsGetBuildersAndTypedReferences() throws IOException {
    JavaFileObject schema = JavaFileObjects.forSourceString("club.Club", """
        package club;

        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.References;
        import dev.plinth.annotations.Table;

        public final class Club {
          private Club() {}

          @Table(name = "member")
          public record Member(@Id long id, String name) {}

          @Table(name = "badge")
          public record Badge(@Id long id, @References(Member.class) long memberId) {}
        }
        """);
    JavaFileObject seedSet = JavaFileObjects.forSourceString("club.seed.Badges", """
        package club.seed;

        import club.Club;
        import club.Club_MemberSeed;
        import club.Seeds;
        import dev.plinth.seed.Ref;
        import dev.plinth.seed.SeedSet;
        import dev.plinth.seed.SeedSource;

        @SeedSet(env = "dev")
        public final class Badges implements SeedSource<Seeds> {
          @Override
          public void seed(Seeds db) {
            Club_MemberSeed.Row ada = db.clubMember().insert(1L, "Ada");
            Ref<Club.Member> grace = Club_MemberSeed.ref(2L);
            db.clubBadge().insert(10L, ada);
            db.clubBadge().insert(11L, grace);
          }
        }
        """);

    Compilation compiled = compile(List.of(schema, seedSet));

    assertThat(compiled).succeeded();
    String badge = compiled.generatedSourceFile("club.Club_BadgeSeed").orElseThrow().getCharContent(true).toString();
    assertTrue(badge.contains("public Row insert(long id, Ref<Club.Member> memberId)"), badge);
  }

  @Test
  void seedSetsAreIndexedByOrderThenName() {
    Compilation compilation = compile(with(ProcessorRun.schema("seeded"), "LeagueSeeds", "DemoSeeds"));

    assertThat(compilation).succeeded();
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/plinth/seed-sets")
        .contentsAsUtf8String().isEqualTo("""
            # Seed sets, generated by Plinth: order, class, Seeds class, environments.
            0\tleague.seed.DemoSeeds\tleague.Seeds\tdemo
            5\tleague.seed.LeagueSeeds\tleague.Seeds\tdev,test
            """);
  }

  @Test
  void aSeedSetThatOmitsARequiredColumnDoesNotCompile() {
    Compilation compilation = compile(with(ProcessorRun.schema("seeded"), "MissingColumn"));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("method insert in class league.PlayerSeed cannot be applied to given types")
        .inFile(fileNamed(compilation, "MissingColumn"))
        .onLineContaining("db.player().insert(lions, \"Ada\")");
    assertThat(compilation).hadErrorContaining(
        "required: dev.plinth.seed.Ref<league.Team>,java.lang.String,league.Position");
  }

  @Test
  void aSeedSetThatUsesARemovedColumnDoesNotCompile() {
    List<JavaFileObject> schema = new ArrayList<>(ProcessorRun.schema("seeded"));
    schema.removeIf(f -> f.getName().endsWith("Player.java"));
    schema.add(JavaFileObjects.forSourceString("league.Player", """
        package league;

        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Identity;
        import dev.plinth.annotations.Jsonb;
        import dev.plinth.annotations.Default;
        import dev.plinth.annotations.References;
        import dev.plinth.annotations.Table;
        import java.util.UUID;

        @Table
        public record Player(@Id @Identity long id, @References(Team.class) UUID teamId, String name,
            Position position, @Jsonb @Default("'{}'::jsonb") String stats) {}
        """));

    Compilation compilation = compile(with(schema, "LeagueSeeds"));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol")
        .inFile(fileNamed(compilation, "LeagueSeeds"))
        .onLineContaining(".nickname(\"The Countess\")");
  }

  @Test
  void aSchemaErrorIsTheOnlyErrorOfACompileWithSeedSets() {
    List<JavaFileObject> schema = new ArrayList<>(ProcessorRun.schema("seeded"));
    schema.removeIf(f -> f.getName().endsWith("Team.java"));
    JavaFileObject team = JavaFileObjects.forSourceString("league.Team", """
        package league;

        import dev.plinth.annotations.*;

        @Table
        @Index(columns = "nme")
        public record Team(@Id @Default("gen_random_uuid()") java.util.UUID id, String name,
            @Nullable Integer founded) {}
        """);
    schema.add(team);

    Compilation compilation = compile(with(schema, "LeagueSeeds"));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN130] @Index columns names 'nme', which is not"
        + " a column of table public.team. Its columns are: id, name, founded.")
        .inFile(team).onLine(6);
    assertEquals(1, compilation.errors().size(), "no follow-on errors: " + compilation.errors());
  }

  @Test
  void aSerialColumnIsOptionalAndLeftToItsDefault() throws IOException {
    JavaFileObject ticket = JavaFileObjects.forSourceString("desk.Ticket", """
        package desk;

        import dev.plinth.annotations.*;

        @Table
        public record Ticket(@Id @Serial int id, String title) {}
        """);

    Compilation compilation = compile(List.of(ticket));

    assertThat(compilation).succeeded();
    String builder = compilation.generatedSourceFile("desk.TicketSeed").orElseThrow()
        .getCharContent(true).toString();
    assertTrue(builder.contains("+ \"column\\tid\\tinteger\\td\\n\""), "id is defaulted: " + builder);
    assertTrue(builder.contains("public Row insert(String title) {"), builder);
    assertTrue(builder.contains("Column {@code id}, a serial: the database numbers rows that leave it out."),
        builder);
  }

  @Test
  void aSeedSetMustImplementSeedSource() {
    Compilation compilation = compile(with(ProcessorRun.schema("seeded"), "NotASource"));

    assertThat(compilation).hadErrorContaining("[PLN500] @SeedSet is on NotASource, which does not implement SeedSource<Seeds>")
        .inFile(fileNamed(compilation, "NotASource"))
        .onLineContaining("@SeedSet");
  }

  @Test
  void outputIsDeterministic() {
    List<JavaFileObject> sources = with(ProcessorRun.schema("seeded"), "LeagueSeeds", "DemoSeeds");
    List<JavaFileObject> reversed = new ArrayList<>(sources);
    java.util.Collections.reverse(reversed);

    Compilation first = compile(sources);
    Compilation second = javac().withProcessors(new PlinthProcessor(), new SeedSetProcessor())
        .withOptions("-Aplinth.migrations=" + migrations.resolve("other")).compile(reversed);

    assertThat(first).succeeded();
    assertThat(second).succeeded();
    assertEquals(contents(first), contents(second));
  }

  private static List<String> contents(Compilation compilation) {
    List<String> result = new ArrayList<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      try {
        result.add(file.getName() + "\n" + file.getCharContent(true));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    result.sort(null);
    return result;
  }

  private static JavaFileObject fileNamed(Compilation compilation, String simpleName) {
    return compilation.sourceFiles().stream()
        .filter(f -> f.getName().replace('\\', '/').matches("(.*/)?" + simpleName + "\\.java"))
        .findFirst().orElseThrow();
  }
}
