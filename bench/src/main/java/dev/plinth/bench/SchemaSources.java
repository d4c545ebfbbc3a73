package dev.plinth.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/**
 * A generated schema of {@code @Table} records: record {@code Tnnnn} has 20 components of the
 * usual types, a primary key, a foreign key to the previous record, a unique key and two indexes.
 */
public final class SchemaSources {
  static final String PACKAGE = "bench.schema";

  private SchemaSources() {}

  /** Writes the records as files, to compile them outside the harness: {@code SchemaSources COUNT DIR}. */
  public static void main(String[] args) throws java.io.IOException {
    int count = Integer.parseInt(args[0]);
    java.nio.file.Path dir = java.nio.file.Path.of(args[1], PACKAGE.split("\\."));
    java.nio.file.Files.createDirectories(dir);
    for (int i = 1; i <= count; i++) {
      java.nio.file.Files.writeString(dir.resolve(className(i) + ".java"), record(i));
    }
  }

  static List<JavaFileObject> generate(int count) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String name = className(i);
      sources.add(new Source(name, record(i)));
    }
    return sources;
  }

  static String className(int i) {
    return String.format("T%04d", i);
  }

  static String record(int i) {
    String name = className(i);
    String parent = className(Math.max(1, i - 1));
    return """
        package %1$s;

        import dev.plinth.annotations.Column;
        import dev.plinth.annotations.Default;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Index;
        import dev.plinth.annotations.Nullable;
        import dev.plinth.annotations.References;
        import dev.plinth.annotations.ReferentialAction;
        import dev.plinth.annotations.Table;
        import dev.plinth.annotations.Unique;
        import java.math.BigDecimal;
        import java.time.Instant;
        import java.time.LocalDate;
        import java.util.UUID;

        /** Generated table %2$s. */
        @Table
        @Unique(columns = "code")
        @Index(columns = "parentId")
        @Index(columns = {"createdAt DESC", "score"})
        public record %2$s(
            @Id long id,
            @Nullable @References(value = %3$s.class, onDelete = ReferentialAction.CASCADE) Long parentId,
            @Column(length = 64) String code,
            String name,
            @Nullable String description,
            @Column(precision = 12, scale = 2) @Default("0") BigDecimal amount,
            @Default("true") boolean active,
            @Nullable Integer score,
            int quantity,
            @Nullable Long externalId,
            @Default("gen_random_uuid()") UUID token,
            @Nullable LocalDate dueOn,
            @Default("now()") Instant createdAt,
            @Nullable Instant updatedAt,
            @Nullable String note,
            @Default("0") short priority,
            @Nullable Double weight,
            @Nullable Boolean archived,
            @Column(length = 16) @Default("'new'") String state,
            @Nullable UUID ownerId) {}
        """.formatted(PACKAGE, name, parent);
  }

  /** A source file held in memory. */
  static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String simpleName, String text) {
      super(URI.create("string:///" + PACKAGE.replace('.', '/') + "/" + simpleName + ".java"), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
