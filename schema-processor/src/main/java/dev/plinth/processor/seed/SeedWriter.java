package dev.plinth.processor.seed;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.plinth.processor.io.ClassFiles;
import dev.plinth.processor.message.Message;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import dev.plinth.schema.pull.RecordSources;
import dev.plinth.seed.TableInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Generates the typed seed builders: per table a {@code <Record>Seed} class next to the record, and
 * per package a {@code Seeds} entry point with one accessor per table. Only tables of this round
 * get a new builder (the others keep the one from their last compile); the entry point of a package
 * that has a table in the round lists every table of that package.
 */
public final class SeedWriter {
  static final String GENERATOR = SeedWriter.class.getName();
  static final String RUNTIME = "dev.plinth.seed";
  static final ClassName SEED_ROWS = ClassName.get(RUNTIME, "SeedRows");
  static final ClassName SEED_ROW = ClassName.get(RUNTIME, "SeedRow");
  static final ClassName SEED_TABLE = ClassName.get(RUNTIME, "SeedTable");
  static final ClassName SEED_DB = ClassName.get(RUNTIME, "SeedDb");
  static final ClassName REF = ClassName.get(RUNTIME, "Ref");
  static final ClassName TABLE_INFO = ClassName.get(RUNTIME, "TableInfo");
  static final String ENTRY_POINT = "Seeds";
  /** The constant of every generated class that holds the hash of its source. */
  static final String SOURCE_HASH = "SOURCE_HASH";

  /** Accessor names a table cannot use in {@code Seeds}: methods of {@code SeedDb} and Object. */
  private static final Set<String> RESERVED = Set.of("rows", "getClass", "hashCode", "toString",
      "equals", "notify", "notifyAll", "wait", "clone", "finalize");

  private final ProcessingEnvironment env;

  public SeedWriter(ProcessingEnvironment env) {
    this.env = env;
  }

  /**
   * Writes the builders of the round's tables and the entry points of their packages. For a schema
   * with errors, a table that lost a column to an error (its record has more components than it
   * has columns) gets no builder.
   */
  public void write(Schema schema, Map<String, TypeElement> roundTables) {
    if (env.getElementUtils().getTypeElement(SEED_ROWS.canonicalName()) == null) {
      return; // The seed runtime is not on the classpath: the project does not use seeds.
    }
    // @Generated where the compile's platform has it.
    boolean generated = env.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
    Map<String, TypeElement> records = new HashMap<>();
    roundTables.values().forEach(t -> records.put(env.getElementUtils().getBinaryName(t).toString(), t));
    Map<String, List<Listed>> packages = new TreeMap<>();
    Set<String> incomplete = new TreeSet<>();
    List<BuilderInput> builders = new ArrayList<>();
    for (Table table : schema.tables()) {
      TypeElement record = records.get(table.javaClass());
      if (record == null) {
        continue;
      }
      if (record.getRecordComponents().size() != table.columns().size()) {
        incomplete.add(table.javaClass());
        continue;
      }
      builders.add(builderInput(schema, table, record, generated));
      packages.computeIfAbsent(packageOf(record), p -> new ArrayList<>());
    }
    // Every table of the schema has its record (kept tables are those whose class exists), so the
    // package is read off the binary name: no look-up of a thousand classes an IDE save left out.
    for (Table table : schema.tables()) {
      List<Listed> tables = packages.get(classNameOf(table.javaClass()).packageName());
      if (tables != null && !incomplete.contains(table.javaClass())) {
        tables.add(new Listed(table.javaClass(), table.name().toString(), table.comment()));
      }
    }
    // Making and rendering the builders is pure (JavaPoet), and most of this method's time with a
    // thousand tables, so it runs on every core; reading records, looking up what is compiled and
    // writing stay on javac's thread, in the same order as before.
    builders.parallelStream().map(SeedWriter::builder).map(SeedWriter::render).toList().forEach(this::write);
    packages.forEach((pkg, tables) -> writeEntryPoint(pkg, tables, generated));
  }

  /** A table as the entry point lists it: all that its accessor is made from. */
  record Listed(String javaClass, String table, String comment) {}

  /**
   * Writes the entry point of {@code pkg} unless the one compiled was made from the same tables by
   * the same template. It lists every table of the package, so an IDE saving one record of a
   * thousand would otherwise render a thousand accessors, only to find the text unchanged; its
   * {@link #SOURCE_HASH} is therefore the hash of its inputs, not of its text.
   */
  private void writeEntryPoint(String pkg, List<Listed> tables, boolean generated) {
    String hash = entryPointHash(pkg, tables, generated);
    String name = pkg.isEmpty() ? ENTRY_POINT : pkg + "." + ENTRY_POINT;
    if (!hash.equals(existingHash(name))) {
      write(render(entryPoint(pkg, tables, generated), hash));
    }
  }

  private String template;

  /**
   * The hash of everything an entry point's text is made from: the template (the text of a sample
   * entry point, so that a Plinth whose template changed rewrites it), whether it is annotated
   * {@code @Generated}, the package and its tables.
   */
  private String entryPointHash(String pkg, List<Listed> tables, boolean generated) {
    if (template == null) {
      template = render(entryPoint("p", List.of(new Listed("p.A", "public.a", "A */ @."),
          new Listed("p.B$C", "s.b", null)), false), "").text();
    }
    StringBuilder key = new StringBuilder(template).append('\0').append(generated).append('\0').append(pkg);
    for (Listed table : tables) {
      key.append('\0').append(table.javaClass()).append('\1').append(table.table())
          .append(table.comment() == null ? "\2" : "\1" + table.comment());
    }
    return SourceHash.of(key.toString());
  }

  private String packageOf(TypeElement type) {
    return env.getElementUtils().getPackageOf(type).getQualifiedName().toString();
  }

  /** The class of a binary name: {@code a.b.Outer$Inner} is {@code Inner} in {@code Outer} of package {@code a.b}. */
  static ClassName classNameOf(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    String[] simple = binaryName.substring(dot + 1).split("\\$");
    return ClassName.get(dot < 0 ? "" : binaryName.substring(0, dot), simple[0],
        Arrays.copyOfRange(simple, 1, simple.length));
  }

  /** A generated class: its name, the hash of its text, and the text that carries that hash. */
  private record Rendered(String name, String hash, String text) {}

  /**
   * The text of {@code file} with the hash of that text as a constant: the hash is that of the
   * text with {@code null} for the constant's value, so the file is rendered once.
   */
  private static Rendered render(JavaFile file) {
    return render(file, null);
  }

  /**
   * The text of {@code file} with {@code hash} as its {@link #SOURCE_HASH}; with null, the hash of
   * that text with null for the constant's value, so the file is rendered once.
   */
  private static Rendered render(JavaFile file, String hash) {
    TypeSpec type = file.typeSpec().toBuilder()
        .addField(FieldSpec.builder(String.class, SOURCE_HASH, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(hash == null
                ? "The hash of this file with null here: Plinth does not rewrite an unchanged file.\n"
                : "The hash of what this file is made from: Plinth does not rewrite an unchanged file.\n")
            .initializer("null")
            .build())
        .build();
    String text = JavaFile.builder(file.packageName(), type).skipJavaLangImports(true).build().toString();
    String value = hash == null ? SourceHash.of(text) : hash;
    String name = file.packageName().isEmpty() ? type.name() : file.packageName() + "." + type.name();
    // A whole line: neither a string literal (no raw line breaks) nor Javadoc (" * ") can hold it.
    String placeholder = "\n  static final String " + SOURCE_HASH + " = null;\n";
    int at = text.indexOf(placeholder);
    String hashed = text.substring(0, at) + "\n  static final String " + SOURCE_HASH + " = \"" + value + "\";\n"
        + text.substring(at + placeholder.length());
    return new Rendered(name, value, hashed);
  }

  /**
   * Writes {@code file}, unless the class of that name already on the classpath (an IDE's or an
   * incremental build's earlier output) carries the same hash: then it is exactly what would be
   * written, and writing it again would only make javac compile it again.
   */
  private void write(Rendered file) {
    if (file.hash().equals(existingHash(file.name()))) {
      return;
    }
    try (Writer out = env.getFiler().createSourceFile(file.name()).openWriter()) {
      out.write(file.text());
    } catch (IOException e) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.SEED_WRITE_FAILED.format(file.name(), e.getMessage()));
    }
  }

  /** The {@link #SOURCE_HASH} of class {@code name} as it is already compiled, or null. */
  private String existingHash(String name) {
    if (new ClassFiles(env.getFiler()).certainlyAbsent(name)) {
      return null;
    }
    TypeElement existing = env.getElementUtils().getTypeElement(name);
    if (existing == null) {
      return null;
    }
    return ElementFilter.fieldsIn(existing.getEnclosedElements()).stream()
        .filter(f -> f.getSimpleName().contentEquals(SOURCE_HASH))
        .map(VariableElement::getConstantValue)
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .findFirst().orElse(null);
  }

  /** {@code Outer.Inner} gives {@code Outer_InnerSeed}. */
  static String builderName(ClassName record) {
    return String.join("_", record.simpleNames()) + "Seed";
  }

  /**
   * What the builder of {@code table} is made from: what it needs of its record is read here, on
   * javac's thread (the compiler's model is not thread-safe), so that making it is pure.
   */
  private static BuilderInput builderInput(Schema schema, Table table, TypeElement record, boolean generated) {
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    List<ColumnJava> java = new ArrayList<>();
    for (RecordComponentElement component : components) {
      // Record components and columns are in the same order for tables read in this round.
      java.add(new ColumnJava(component.getSimpleName().toString(),
          TypeName.get(component.asType()).withoutAnnotations()));
    }
    return new BuilderInput(table, ClassName.get(record), java, refTypes(schema, table), generated);
  }

  /**
   * A builder's inputs.
   *
   * @param java the record's components, in column order
   * @param refTypes the {@code Ref<Parent>} type of each column that alone forms a foreign key
   */
  private record BuilderInput(Table table, ClassName record, List<ColumnJava> java,
      Map<String, TypeName> refTypes, boolean generated) {}

  private static JavaFile builder(BuilderInput input) {
    Table table = input.table();
    ClassName recordName = input.record();
    ClassName builder = ClassName.get(recordName.packageName(), builderName(recordName));
    ClassName row = builder.nestedClass("Row");
    List<Column> columns = table.columns();
    Map<String, ColumnJava> java = new TreeMap<>();
    for (int i = 0; i < columns.size(); i++) {
      java.put(columns.get(i).name(), input.java().get(i));
    }
    Map<String, TypeName> refTypes = input.refTypes();

    // The generated part is only the typed surface; SeedTable and SeedRow do the work (javac
    // compiles one builder per table, so every line here is paid for a thousand times).
    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(SEED_TABLE, recordName))
        .addJavadoc("Seed rows for table {@code $L} ($T).\n", table.name(), recordName);
    if (table.comment() != null) {
      type.addJavadoc("\n<p>$L\n", doc(table.comment()));
    }
    type.addJavadoc("\n<p>Add rows with {@link #insert}: its parameters are the columns that must be given"
        + " (NOT NULL, no default); set the others on the returned {@link Row}.\n");
    if (input.generated()) {
      type.addAnnotation(GENERATED);
    }
    type.addField(FieldSpec.builder(TABLE_INFO, "TABLE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Table {@code $L} as the seeder sees it.\n", table.name())
        .initializer(tableInfo(table))
        .build());
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A builder adding rows to {@code rows}; seed sets get one from {@code $L}.\n",
            ENTRY_POINT)
        .addParameter(SEED_ROWS, "rows")
        .addStatement("super(rows, TABLE, $T.class, $L)", recordName, components(columns, input.java()))
        .build());
    type.addMethod(insert(table, java, refTypes, row));
    if (table.primaryKey() != null) {
      type.addMethod(ref(table, java, recordName));
    }
    TypeSpec.Builder rowType = TypeSpec.classBuilder(row)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(SEED_ROW, recordName))
        .addJavadoc("A row of {@code $L} added by a seed set; also a reference for its children.\n",
            table.name())
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(SEED_ROWS, "rows")
            .addParameter(Object[].class, "required")
            .addStatement("super(rows, TABLE, required)")
            .build());
    for (Column column : columns) {
      if (!required(column) && column.identity() != Identity.ALWAYS && !column.isGenerated()) {
        // Required columns are insert's parameters; ALWAYS identities and generated columns
        // cannot be given.
        rowType.addMethod(setter(column, java.get(column.name()), refTypes, row));
      }
    }
    type.addType(rowType.build());
    return JavaFile.builder(recordName.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  /** {@code insert(required columns)}: the runtime's {@code SeedRow} sets them, in column order. */
  private static MethodSpec insert(Table table, Map<String, ColumnJava> java, Map<String, TypeName> refTypes,
      ClassName row) {
    MethodSpec.Builder insert = MethodSpec.methodBuilder("insert")
        .addModifiers(Modifier.PUBLIC)
        .returns(row)
        .addJavadoc("Adds a row to {@code $L}; it is inserted, parents first, when every seed set has run.\n",
            table.name());
    List<String> params = new ArrayList<>();
    for (Column column : table.columns()) {
      if (required(column)) {
        ColumnJava j = java.get(column.name());
        params.add(j.name());
        insert.addParameter(refTypes.getOrDefault(column.name(), j.type()), j.name());
        insert.addJavadoc("@param $L $L\n", j.name(), columnDoc(column));
      }
    }
    insert.addJavadoc("@return the row, to set optional columns on and to reference from child rows\n");
    return insert.addStatement("return new $T(rows(), new Object[] {$L})", row, String.join(", ", params)).build();
  }

  /** {@code ref(primary key)}: a row already in the database. */
  private static MethodSpec ref(Table table, Map<String, ColumnJava> java, ClassName recordName) {
    MethodSpec.Builder ref = MethodSpec.methodBuilder("ref")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(REF, recordName))
        .addJavadoc("A reference to a row of {@code $L} that is already in the database, by primary key.\n",
            table.name());
    List<String> values = new ArrayList<>();
    for (String key : table.primaryKey().columns()) {
      ColumnJava j = java.get(key);
      ref.addParameter(j.type(), j.name());
      values.add(j.name());
    }
    // The type argument spelled out: no inference for javac to run.
    return ref.addStatement("return $T.<$T>byKey(TABLE, new Object[] {$L})", REF, recordName,
        String.join(", ", values)).build();
  }

  /**
   * How the runtime reads a record's column values for the bulk path ({@code SeedTable.insertAll}):
   * a letter per record component ({@code c} a column, {@code z} a primitive identity or serial
   * whose 0 means "number it", {@code g} a generated column, which the seeder leaves out), or
   * {@code null} when every component is a plain column.
   */
  private static CodeBlock components(List<Column> columns, List<ColumnJava> components) {
    StringBuilder kinds = new StringBuilder();
    for (int i = 0; i < components.size(); i++) {
      if (columns.get(i).isGenerated()) {
        kinds.append('g');
      } else if (columns.get(i).identity() != Identity.NONE && components.get(i).type().isPrimitive()) {
        kinds.append('z');
      } else {
        kinds.append('c');
      }
    }
    return kinds.chars().allMatch(k -> k == 'c') ? CodeBlock.of("null") : CodeBlock.of("$S", kinds);
  }

  /** The setter of an optional column on {@code Row}. */
  private static MethodSpec setter(Column column, ColumnJava j, Map<String, TypeName> refTypes, ClassName row) {
    return MethodSpec.methodBuilder(j.name())
        .addModifiers(Modifier.PUBLIC)
        .returns(row)
        .addJavadoc("$L\n", columnDoc(column))
        .addJavadoc("\n<p>Column {@code $L}, $L.\n", column.name(), optionality(column))
        .addParameter(refTypes.getOrDefault(column.name(), j.type()), j.name())
        // A primitive boxed by a cast: javac then finds set(String, Object) in its first,
        // strict, phase instead of failing it and trying again with boxing.
        .addStatement(j.type().isPrimitive() ? "set($S, (Object) $L)" : "set($S, $L)", column.name(), j.name())
        .addStatement("return this")
        .build();
  }

  private static JavaFile entryPoint(String pkg, List<Listed> tables, boolean generated) {
    ClassName name = ClassName.get(pkg, ENTRY_POINT);
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(SEED_DB)
        .addJavadoc("The tables of package {@code $L}, for seed sets: {@code db.<table>().insert(...)}.\n",
            pkg);
    if (generated) {
      type.addAnnotation(GENERATED);
    }
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addParameter(SEED_ROWS, "rows")
        .addStatement("super(rows)")
        .build());
    List<MethodSpec> accessors = new ArrayList<>();
    for (Listed table : tables) {
      ClassName recordName = classNameOf(table.javaClass());
      ClassName builder = ClassName.get(pkg, builderName(recordName));
      String simple = String.join("", recordName.simpleNames());
      String method = simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
      if (RESERVED.contains(method)) {
        method += "Table";
      }
      MethodSpec.Builder accessor = MethodSpec.methodBuilder(method)
          .addModifiers(Modifier.PUBLIC)
          .returns(builder)
          .addJavadoc("Table {@code $L}", table.table());
      if (table.comment() != null) {
        accessor.addJavadoc(": $L", doc(table.comment()));
      }
      accessors.add(accessor.addJavadoc("\n").addStatement("return new $T(rows())", builder).build());
    }
    accessors.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(type::addMethod);
    return JavaFile.builder(pkg, type.build()).skipJavaLangImports(true).build();
  }

  /** {@code @Generated}, where the compile's platform has it. */
  private static final AnnotationSpec GENERATED = AnnotationSpec
      .builder(ClassName.get("javax.annotation.processing", "Generated"))
      .addMember("value", "$S", GENERATOR).build();



  /** The {@code Ref<Parent>} type of each column that alone forms a foreign key. */
  private static Map<String, TypeName> refTypes(Schema schema, Table table) {
    Map<String, TypeName> result = new TreeMap<>();
    for (ForeignKey fk : table.foreignKeys()) {
      if (fk.columns().size() != 1) {
        continue; // Composite keys take their raw values, column by column.
      }
      schema.table(fk.target()).ifPresent(target -> result.put(fk.columns().get(0),
          ParameterizedTypeName.get(REF, classNameOf(target.javaClass()))));
    }
    return result;
  }

  /**
   * {@code TableInfo.decode("...")}: one string literal, which javac compiles fast (JavaPoet's
   * {@code $S} would split it at each line break into a concatenation javac must fold).
   */
  private static CodeBlock tableInfo(Table table) {
    return CodeBlock.of("$T.decode($L)", TABLE_INFO, RecordSources.string(seedTable(table).encode()));
  }

  /** Table {@code table} as the seeder sees it. */
  static TableInfo seedTable(Table table) {
    List<TableInfo.ColumnInfo> columns = new ArrayList<>();
    for (Column c : table.columns()) {
      if (c.isGenerated()) {
        // Nothing writes to a generated column: the seeder does not know it.
        continue;
      }
      // A serial column is, to the seeder, one with a default.
      boolean serial = c.identity() == Identity.SERIAL;
      columns.add(new TableInfo.ColumnInfo(c.name(), c.type(), c.nullable(), c.defaultSql() != null || serial,
          TableInfo.Generation.valueOf(serial ? Identity.NONE.name() : c.identity().name())));
    }
    List<TableInfo.ForeignKeyInfo> fks = table.foreignKeys().stream()
        .map(fk -> new TableInfo.ForeignKeyInfo(fk.columns(), fk.target().schema(), fk.target().name(),
            fk.targetColumns()))
        .toList();
    return new TableInfo(table.name().schema(), table.name().name(), columns,
        table.primaryKey() == null ? List.of() : table.primaryKey().columns(),
        table.uniques().stream().map(UniqueConstraint::columns).toList(), fks);
  }

  static boolean required(Column column) {
    return !column.nullable() && column.defaultSql() == null && column.identity() == Identity.NONE
        && !column.isGenerated();
  }

  private static String optionality(Column column) {
    if (column.identity() != Identity.NONE) {
      return (column.identity() == Identity.SERIAL ? "a serial" : "an identity")
          + ": the database numbers rows that leave it out";
    }
    if (column.defaultSql() != null) {
      return "defaults to {@code " + doc(column.defaultSql()) + "}";
    }
    return "NULL when not set";
  }

  private static String columnDoc(Column column) {
    return column.comment() == null ? "column {@code " + column.name() + "}" : doc(column.comment());
  }

  /** Text safe inside a Javadoc comment. */
  private static String doc(String text) {
    return text.replace("*/", "*&#47;").replace("@", "{@literal @}");
  }

  /** The Java side of a column: its record component's name and type. */
  private record ColumnJava(String name, TypeName type) {}
}
