package dev.plinth.processor;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.diff.GeneratedColumns;
import dev.plinth.schema.diff.MigrationPlan;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.CommittedFiles;
import dev.plinth.schema.journal.ExternalObjects;
import dev.plinth.schema.journal.GeneratedMigration;
import dev.plinth.schema.journal.History;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.journal.MigrationsFolder.MigrationFiles;
import dev.plinth.processor.io.ClassFiles;
import dev.plinth.processor.io.Outputs;
import dev.plinth.processor.io.Resources;
import dev.plinth.processor.read.DomainReader;
import dev.plinth.processor.read.RoutineReader;
import dev.plinth.processor.read.SecurityReader;
import dev.plinth.processor.validate.DomainChecks;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.journal.SumFile;
import dev.plinth.schema.journal.Version;
import dev.plinth.processor.message.Message;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Namespace;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.Trigger;
import dev.plinth.schema.model.View;
import dev.plinth.processor.validate.Origin;
import dev.plinth.processor.read.RecordReader;
import dev.plinth.processor.read.TableDraft;
import dev.plinth.schema.render.Slug;
import dev.plinth.processor.seed.SeedWriter;
import dev.plinth.processor.validate.Backfills;
import dev.plinth.processor.validate.MigrationLint;
import dev.plinth.processor.validate.PartitionChecks;
import dev.plinth.processor.validate.Renames;
import dev.plinth.processor.validate.Report;
import dev.plinth.processor.validate.SchemaBuilder;
import dev.plinth.processor.validate.SecurityCheck;
import dev.plinth.schema.model.Role;
import dev.plinth.schema.model.Extension;
import dev.plinth.schema.model.StandaloneSequence;
import dev.plinth.processor.read.SequenceReader;
import dev.plinth.processor.validate.SequenceCheck;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Elements;

/**
 * One run of the pipeline over the tables of a compilation: read the records, validate them,
 * load the committed migrations, diff, check the change for safety, and stage the next migration
 * with its reverse, journal entry and integrity files; {@link #commit} writes them once the
 * compilation is known to have no errors. Every message goes to the report.
 */
final class Generation {
  private final ProcessingEnvironment env;
  private final Options options;
  private final Report report;
  /** Notes about files written, reported once they are on disk. */
  private final Report done = new Report();
  /** The files of a clean run, waiting for {@link #commit}; null when there are none. */
  private Outputs staged;

  Generation(ProcessingEnvironment env, Options options, Report report) {
    this.env = env;
    this.options = options;
    this.report = report;
  }

  /**
   * @param roundEnums the enums of this round that declare a type of their own
   *     ({@code @EnumType(standalone = true)})
   * @param roundViews the {@code @View} records of this round
   * @param roundSchemas the packages of this round that declare a schema ({@code @DbSchema})
   * @param roundFunctions the types of this round that declare {@code @Function}s
   * @param roundDomains the types of this round that declare {@code @Domain}s
   */
  void run(Map<String, TypeElement> roundTables, Collection<TypeElement> roundEnums,
      Collection<TypeElement> roundViews, Map<String, PackageElement> roundSchemas,
      Collection<TypeElement> roundFunctions, Collection<TypeElement> roundDomains) {
    MigrationsFolder folder = options.migrations() == null ? null
        : MigrationsFolder.readOnce(Path.of(options.migrations()));
    Outputs outputs = folder == null ? null
        : new Outputs(folder, env.getFiler(), options.resourcePath());
    if (folder != null && !(noConflicts(folder) && rebase(folder) && noDuplicateVersions(folder))) {
      return;
    }
    // The hashes of the committed files when plinth.sum lists exactly them: then every check
    // against the sum below is already made.
    Map<String, String> verified = folder == null ? null : verifiedSum(folder);
    History history;
    try {
      history = folder == null ? null : History.load(folder, options.check() || verified == null);
    } catch (History.JournalException e) {
      report.add(Message.JOURNAL_UNREADABLE, null, folder.root().resolve(e.file()), e.getMessage());
      return;
    }
    Schema previous = history == null ? Schema.EMPTY : history.state();

    Elements elements = env.getElementUtils();
    RecordReader reader = new RecordReader(elements, report, options.postgres());
    Map<Namespace, Origin> declared = readSchemas(previous, roundSchemas, elements, reader);
    // Records not compiled again are taken as committed, in their schema's new name.
    Schema kept = SchemaDiff.withSchemaRenames(previous, List.copyOf(declared.keySet()));
    List<TableDraft> drafts = new ArrayList<>();
    roundTables.values().forEach(type -> reader.read(type).ifPresent(drafts::add));
    roundEnums.forEach(reader::readStandalone);
    keptStandaloneEnums(previous, elements).forEach(reader::readStandalone);
    SchemaBuilder builder = new SchemaBuilder(report,
        type -> type.getAnnotationMirrors().stream().anyMatch(a ->
            a.getAnnotationType().toString().equals(PlinthProcessor.TABLE))
            ? reader.read(type) : Optional.empty(),
        type -> elements.getBinaryName((TypeElement) ((DeclaredType) type).asElement()).toString());
    Resources resources = new Resources(env.getFiler(), options.migrations(), options.resourcePath());
    Map<View, Origin> views = new LinkedHashMap<>();
    Map<QualifiedName, MigrationLint.ViewNote> viewNotes = new HashMap<>();
    for (TypeElement type : viewRecords(previous, roundViews, elements)) {
      reader.readView(type, resources).ifPresent(view -> {
        views.put(view, reader.viewOrigin(type));
        viewNotes.put(view.name(), new MigrationLint.ViewNote(reader.viewOrigin(type),
            reader.viewAcknowledged(type)));
      });
    }
    List<Table> keptTables = keptTables(kept, drafts, elements, new ClassFiles(env.getFiler()));
    Schema built = builder.build(drafts, keptTables, reader.enums(),
        reader.enumOrigins(), views, kept).withDeclared(List.copyOf(declared.keySet()));
    checkDeclarations(previous, built, declared);
    built = withRoutines(built, previous, keptTables, roundFunctions, elements, resources,
        reader.security());
    DomainReader domains = new DomainReader(elements, report);
    built = DomainReader.withDomains(built, domains.domains(domainTypes(previous, roundDomains, elements)));
    SecurityCheck security = new SecurityCheck(report);
    // A type that declares functions may declare the roles its functions' grants name.
    List<TypeElement> declaringRoles = new ArrayList<>(roundTables.values());
    declaringRoles.addAll(roundFunctions);
    built = security.withRoles(built, roles(reader, previous, declaringRoles, views.keySet(),
        elements), reader.security().roleUses());
    security.lint(drafts);
    built = withSequences(built, previous, roundTables.values(), views.keySet(), roundSchemas, elements);
    // The builders are written even for a schema with errors (from the tables that could be
    // read): seed sets that use them would otherwise add "cannot find symbol" errors to the real
    // ones. The compile fails all the same, so nothing is written to the migrations folder.
    if (options.seeds()) {
      new SeedWriter(env).write(built, roundTables);
    }
    if (!report.isClean()) {
      return;
    }
    if (folder == null) {
      report.add(Message.NO_MIGRATIONS_FOLDER, null);
      return;
    }
    checkCommittedFiles(folder, outputs, history);
    Map<QualifiedName, TableDraft> byName = new HashMap<>();
    drafts.forEach(d -> byName.put(d.table().name(), d));
    Schema schema = new Renames(report, byName, reader.enumRenames()).resolve(previous, built);
    MigrationLint lint = new MigrationLint(report, byName, viewNotes);
    lint.checkAmbiguities(previous, schema);
    DomainChecks.check(previous, schema, domains.origins(), report);
    PartitionChecks.check(previous, schema, byName, report);
    if (!report.isClean()) {
      return;
    }
    List<Change> changes = GeneratedColumns.forTarget(previous,
        new Backfills(report, byName).attach(SchemaDiff.diff(previous, schema)), options.postgres());
    if (!report.isClean()) {
      return;
    }
    List<MigrationPlan.Step> steps = MigrationPlan.split(previous, changes, options.strict());
    if (!noLostJournal(folder, history, previous, steps)) {
      return;
    }
    if (!changes.isEmpty() && options.check()) {
      report.add(Message.CHECK_SCHEMA_CHANGED, null, Slug.of(changes).replace('_', ' '),
          history.nextMajor());
      return;
    }
    Schema state = previous;
    ExternalObjects external = external(folder);
    for (int i = 0; i < steps.size(); i++) {
      lint.check(String.valueOf(history.nextMajor() + i), state, steps.get(i).changes());
      lint.checkRecreatedViews(String.valueOf(history.nextMajor() + i), steps.get(i).changes(), external);
      state = Changes.apply(state, steps.get(i).changes());
    }
    if (report.isClean()) {
      write(folder, outputs, history.nextMajor(), previous, steps);
      updateIntegrity(folder, outputs, outputs.hasPending() ? null : verified);
      staged = outputs;
    }
  }

  /**
   * What {@code plinth.external} lists, or nothing when there is no such file or it cannot be read
   * ({@code verify} reports that, with the line and the fix).
   */
  private static ExternalObjects external(MigrationsFolder folder) {
    try {
      return folder.read(ExternalObjects.FILE).map(ExternalObjects::parse).orElse(ExternalObjects.NONE);
    } catch (IllegalArgumentException e) {
      return ExternalObjects.NONE;
    }
  }

  /**
   * Puts the files of a clean run on disk, all or none, unless the compilation failed (javac or
   * another processor raised an error): a failed compile writes nothing. Returns what happened.
   */
  Report commit(boolean compilationFailed) {
    Report result = new Report();
    if (staged == null || !staged.hasPending()) {
      return result;
    }
    if (compilationFailed) {
      result.add(Message.NOTHING_WRITTEN, null);
      return result;
    }
    try {
      staged.commit();
      result.addAll(done);
    } catch (MigrationsFolder.WriteFailure e) {
      result.add(Message.WRITE_FAILED, null, e.file(), e.getCause());
    }
    return result;
  }

  /**
   * Removes the generated migrations named by {@code plinth.rebase} (a branch's migrations after a
   * merge), so that their changes are generated again after the main line's.
   */
  private boolean rebase(MigrationsFolder folder) {
    for (String slug : options.rebase()) {
      Optional<MigrationFiles> files = folder.generated(slug);
      if (files.isEmpty()) {
        String known = folder.scan().stream().filter(MigrationFiles::generated)
            .map(MigrationFiles::slug).collect(Collectors.joining(", "));
        report.add(Message.REBASE_UNKNOWN, null, slug, known);
        return false;
      }
      folder.delete(files.get());
      done.add(Message.REBASED, null, files.get().forward());
    }
    return true;
  }

  /** Files left with git's conflict markers by a merge: nothing else can be read until resolved. */
  private boolean noConflicts(MigrationsFolder folder) {
    List<String> conflicted = folder.conflicted();
    for (String file : conflicted) {
      Path path = folder.root().resolve(file);
      boolean integrity = file.equals(SumFile.HEAD_FILE) || file.equals(SumFile.SUM_FILE);
      report.add(Message.MERGE_CONFLICT, null, path, integrity
          ? "take either side of it whole (such as `git checkout --ours -- " + path
              + "`); Plinth brings it up to date."
          : "take the main line's side of it whole (`git checkout --ours -- " + path
              + "` or --theirs, whichever is the main line's in this merge).");
    }
    return conflicted.isEmpty();
  }

  private boolean noDuplicateVersions(MigrationsFolder folder) {
    Map<Version, List<String>> duplicates = folder.duplicates();
    duplicates.forEach((version, paths) -> {
      String slugs = paths.stream()
          .map(p -> p.substring(p.indexOf("__") + 2, p.length() - ".sql".length()))
          .collect(Collectors.joining(" or "));
      report.add(Message.DUPLICATE_VERSION, null, "V" + version, String.join(" and ", paths), slugs);
    });
    return duplicates.isEmpty();
  }

  /**
   * The hashes {@code plinth.sum} lists (relative path to hash) when it lists exactly the files
   * there are, with their contents, else null: then no file changed since the compile that wrote
   * it verified them, and re-rendering every migration can be skipped (check mode always does it).
   */
  private static Map<String, String> verifiedSum(MigrationsFolder folder) {
    Optional<String> sum = folder.read(SumFile.SUM_FILE);
    try {
      Map<String, String> hashes = sum.isPresent() ? SumFile.parse(sum.get()) : null;
      return hashes != null && SumFile.mismatches(hashes, folder.migrationFiles()).isEmpty() ? hashes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The declared schemas: those of this round's {@code package-info} files and those of the
   * committed state whose package still declares one (an incremental compile leaves it out of the
   * round), each with where it is declared. Only a removed declaration is a dropped schema.
   */
  private Map<Namespace, Origin> readSchemas(Schema previous, Map<String, PackageElement> roundSchemas,
      Elements elements, RecordReader reader) {
    Map<String, PackageElement> byPackage = new TreeMap<>();
    Map<String, String> keptComments = new HashMap<>();
    for (Namespace schema : previous.schemas()) {
      PackageElement pkg = elements.getPackageElement(schema.javaPackage());
      if (pkg != null && pkg.getAnnotationMirrors().stream().anyMatch(a ->
          a.getAnnotationType().toString().equals(PlinthProcessor.DB_SCHEMA))) {
        byPackage.put(schema.javaPackage(), pkg);
        keptComments.put(schema.javaPackage(), schema.comment());
      }
    }
    byPackage.putAll(roundSchemas);
    Map<Namespace, Origin> result = new LinkedHashMap<>();
    Map<String, String> owners = new HashMap<>();
    byPackage.forEach((name, pkg) -> reader.readSchema(pkg, roundSchemas.containsKey(name),
        keptComments.get(name)).ifPresent(schema -> {
          String owner = owners.putIfAbsent(schema.name(), name);
          if (owner != null) {
            report.add(Message.DUPLICATE_SCHEMA, reader.schemaOrigin(pkg), schema.name(), owner,
                name, schema.name());
          } else {
            result.put(schema, reader.schemaOrigin(pkg));
          }
        }));
    return result;
  }

  /**
   * A declared schema whose declaration goes must be empty after the migration (it is dropped);
   * a schema renamed with {@code renamedFrom} must leave its old name empty.
   */
  private void checkDeclarations(Schema previous, Schema built, Map<Namespace, Origin> declared) {
    for (Namespace old : previous.schemas()) {
      boolean renamedAway = declared.keySet().stream().anyMatch(s -> old.name().equals(s.renamedFrom()));
      if (built.declared(old.name()).isEmpty() && !renamedAway && built.namespaces().contains(old.name())) {
        report.add(Message.DECLARED_SCHEMA_NOT_EMPTY, null, old.name(), old.javaPackage(),
            objectsIn(built, old.name()), old.name());
      }
    }
    declared.forEach((schema, origin) -> {
      String from = schema.renamedFrom();
      if (from != null && previous.namespaces().contains(from)
          && !previous.namespaces().contains(schema.name()) && built.namespaces().contains(from)
          && built.declared(from).isEmpty()) {
        report.add(Message.SCHEMA_RENAME_TARGET_TAKEN, origin, schema.name(), from, from,
            objectsIn(built, from), schema.name());
      }
    });
  }

  /** The tables, views and enum types of a schema, for messages. */
  private static String objectsIn(Schema schema, String name) {
    List<String> found = new ArrayList<>();
    schema.tables().stream().filter(t -> t.name().schema().equals(name))
        .forEach(t -> found.add("table " + t.name() + " (" + t.javaClass() + ")"));
    schema.views().stream().filter(v -> v.name().schema().equals(name))
        .forEach(v -> found.add("view " + v.name() + " (" + v.javaClass() + ")"));
    schema.enums().stream().filter(e -> e.name().schema().equals(name))
        .forEach(e -> found.add("enum type " + e.name() + " (" + e.javaClass() + ")"));
    return String.join(", ", found);
  }

  /**
   * Tables of the committed state whose records are not in this round (an incremental compile)
   * but still exist: they are unchanged, not dropped. Only a deleted class is a dropped table.
   */
  private static List<Table> keptTables(Schema previous, List<TableDraft> drafts, Elements elements,
      ClassFiles classFiles) {
    Set<String> inRound = drafts.stream().map(d -> d.table().javaClass()).collect(Collectors.toSet());
    List<Table> kept = new ArrayList<>();
    for (Table table : previous.tables()) {
      // The class file is enough to tell (an IDE save has a thousand of them, and loading each
      // costs); only when there is none is the class looked up, which also finds it as a source.
      if (!inRound.contains(table.javaClass()) && (classFiles.compiled(table.javaClass())
          || elements.getTypeElement(table.javaClass().replace('$', '.')) != null)) {
        kept.add(table);
      }
    }
    return kept;
  }

  /**
   * The enums of the committed schema that still exist (their classes, when they are not in this
   * round: an incremental compile), to be read again: those that declare a type of their own are
   * kept although no column uses them.
   */
  private static List<TypeElement> keptStandaloneEnums(Schema previous, Elements elements) {
    List<TypeElement> kept = new ArrayList<>();
    for (EnumType type : previous.enums()) {
      TypeElement element = elements.getTypeElement(type.javaClass().replace('$', '.'));
      if (element != null) {
        kept.add(element);
      }
    }
    return kept;
  }

  /**
   * The types of this round that declare domains, and those that declared the committed domains
   * (an incremental compile leaves them out of the round): only a removed declaration is a
   * dropped domain.
   */
  private static Collection<TypeElement> domainTypes(Schema previous, Collection<TypeElement> roundDomains,
      Elements elements) {
    Map<String, TypeElement> types = new TreeMap<>();
    for (Domain domain : previous.domains()) {
      TypeElement element = domain.javaClass().isEmpty() ? null
          : elements.getTypeElement(domain.javaClass().replace('$', '.'));
      if (element != null) {
        types.put(domain.javaClass(), element);
      }
    }
    roundDomains.forEach(type -> types.put(elements.getBinaryName(type).toString(), type));
    return types.values();
  }

  /**
   * {@code built} with the functions its types declare and the triggers of its tables: those of
   * the tables read in this round from their records, those of the kept tables ({@code kept}, not
   * compiled again, so their annotations are the committed ones) from the committed state.
   */
  private Schema withRoutines(Schema built, Schema previous, List<Table> kept,
      Collection<TypeElement> roundFunctions, Elements elements, Resources resources,
      SecurityReader security) {
    RoutineReader routines = new RoutineReader(elements, report, resources, security);
    Map<String, TypeElement> types = new TreeMap<>();
    for (Function function : previous.functions()) {
      TypeElement element = elements.getTypeElement(function.javaClass().replace('$', '.'));
      if (element != null) {
        types.put(function.javaClass(), element);
      }
    }
    roundFunctions.forEach(type -> types.put(elements.getBinaryName(type).toString(), type));
    List<Function> functions = routines.functions(types.values());
    Set<QualifiedName> declared = routines.declared();
    Set<String> keptClasses = kept.stream().map(Table::javaClass).collect(Collectors.toSet());
    Map<String, QualifiedName> before = new HashMap<>();
    previous.tables().forEach(t -> before.put(t.javaClass(), t.name()));
    Map<QualifiedName, List<Trigger>> committed = previous.triggers().stream()
        .collect(Collectors.groupingBy(Trigger::table));
    List<Table> read = new ArrayList<>();
    List<Trigger> triggers = new ArrayList<>();
    for (Table table : built.tables()) {
      QualifiedName was = keptClasses.contains(table.javaClass()) ? before.get(table.javaClass()) : null;
      Optional<List<Trigger>> same = was == null ? Optional.empty()
          : committedTriggers(committed.getOrDefault(was, List.of()), table, declared);
      same.ifPresentOrElse(triggers::addAll, () -> read.add(table));
    }
    triggers.addAll(routines.triggers(read, declared));
    return built.withFunctions(functions).withTriggers(triggers);
  }

  /**
   * The committed triggers of a kept table, as reading its unchanged record gives them (on the
   * table's name in this compile); empty when one of them names a function no longer declared, so
   * that reading the record reports it at the annotation.
   */
  private static Optional<List<Trigger>> committedTriggers(List<Trigger> committed, Table table,
      Set<QualifiedName> declared) {
    List<Trigger> result = new ArrayList<>();
    for (Trigger t : committed) {
      if (t.function().schema().equals(QualifiedName.DEFAULT_SCHEMA) && !declared.contains(t.function())) {
        return Optional.empty();
      }
      result.add(new Trigger(t.name(), table.name(), t.function(), t.timing(), t.events(), t.forEach(),
          t.when(), table.javaClass()));
    }
    return Optional.of(result);
  }

  /**
   * The view records of this round and those of the committed schema that still exist (an
   * incremental compile leaves them out of the round): only a deleted class is a dropped view.
   */
  private static List<TypeElement> viewRecords(Schema previous, Collection<TypeElement> roundViews,
      Elements elements) {
    Map<String, TypeElement> byClass = new TreeMap<>();
    for (View view : previous.views()) {
      TypeElement element = elements.getTypeElement(view.javaClass().replace('$', '.'));
      if (element != null && element.getAnnotationMirrors().stream().anyMatch(a ->
          a.getAnnotationType().toString().equals(PlinthProcessor.VIEW))) {
        byClass.put(view.javaClass(), element);
      }
    }
    roundViews.forEach(type -> byClass.put(elements.getBinaryName(type).toString(), type));
    return List.copyOf(byClass.values());
  }

  /**
   * The {@code @Role} declarations of the records of this round and their packages, and of the
   * classes and packages that declared the committed roles (an incremental compile leaves them
   * out of the round): only a removed declaration is a role no longer declared.
   */
  private static List<Map.Entry<Role, Origin>> roles(RecordReader reader, Schema previous,
      Collection<TypeElement> roundTables, Collection<View> views, Elements elements) {
    List<Map.Entry<Role, Origin>> roles = new ArrayList<>();
    declaring(previous.roles().stream().map(Role::declaredBy).toList(), roundTables, views, elements)
        .forEach(e -> roles.addAll(reader.security().roles(e).entrySet()));
    return roles;
  }

  /**
   * The classes and packages that may declare schema-wide objects ({@code @Role},
   * {@code @Sequence}, {@code @Extension}): the records of this round and their packages, and those
   * that declared the committed objects ({@code declaredBy}; an incremental compile leaves them out
   * of the round), by name.
   */
  private static Collection<Element> declaring(List<String> declaredBy,
      Collection<TypeElement> roundTables, Collection<View> views, Elements elements) {
    Map<String, Element> declaring = new TreeMap<>();
    for (String name : declaredBy) {
      Element element = elements.getTypeElement(name.replace('$', '.'));
      if (element == null) {
        element = elements.getPackageElement(name);
      }
      if (element != null) {
        declaring.put(name, element);
      }
    }
    List<TypeElement> records = new ArrayList<>(roundTables);
    views.forEach(v -> {
      TypeElement type = elements.getTypeElement(v.javaClass().replace('$', '.'));
      if (type != null) {
        records.add(type);
      }
    });
    for (TypeElement record : records) {
      declaring.put(elements.getBinaryName(record).toString(), record);
      PackageElement pkg = elements.getPackageOf(record);
      declaring.put(pkg.getQualifiedName().toString(), pkg);
    }
    return declaring.values();
  }

  /** {@code built} with the sequences and extensions that are declared, checked. */
  private Schema withSequences(Schema built, Schema previous, Collection<TypeElement> roundTables,
      Collection<View> views, Map<String, PackageElement> roundSchemas, Elements elements) {
    SequenceReader reader = new SequenceReader(elements, report);
    List<String> declaredBy = new ArrayList<>();
    previous.sequences().forEach(q -> declaredBy.add(q.declaredBy()));
    previous.declaredExtensions().forEach(e -> declaredBy.add(e.declaredBy()));
    declaredBy.addAll(roundSchemas.keySet());
    List<Map.Entry<StandaloneSequence, Origin>> sequences = new ArrayList<>();
    List<Map.Entry<Extension, Origin>> extensions = new ArrayList<>();
    for (Element element : declaring(declaredBy, roundTables, views, elements)) {
      sequences.addAll(reader.sequences(element).entrySet());
      extensions.addAll(reader.extensions(element).entrySet());
    }
    return new SequenceCheck(report).with(built, sequences, extensions);
  }

  /** Restores missing generated files (or, in check mode, reports them); reports edited ones. */
  private void checkCommittedFiles(MigrationsFolder folder, Outputs outputs, History history) {
    for (History.FileProblem problem : history.problems()) {
      if (problem.missing() && !options.check()) {
        outputs.write(problem.file(), problem.expected());
        done.add(Message.FILE_RESTORED, null, problem.file(), problem.journal());
      } else if (problem.missing()) {
        report.add(Message.CHECK_FILE_MISSING, null, problem.file(), problem.journal());
      } else {
        String path = folder.root().resolve(problem.file()).toString();
        report.add(Message.CHECK_FILE_DIFFERS, null, path, problem.journal(), path);
      }
    }
  }

  /**
   * A forward script without a journal entry that is exactly what this compile would generate is
   * a generated migration whose journal was lost, not a hand-written one: generating its change
   * again would apply it twice.
   */
  private boolean noLostJournal(MigrationsFolder folder, History history, Schema previous,
      List<MigrationPlan.Step> steps) {
    boolean clean = true;
    for (MigrationFiles files : history.handWritten()) {
      String sql = folder.read(files.forward()).orElseThrow();
      Schema state = previous;
      for (MigrationPlan.Step step : steps) {
        if (sql.equals(render(files.version(), files.slug(), state, step).get(files.forward()))) {
          Path journal = folder.root().resolve(MigrationsFolder.journalPath(files.version(), files.slug()));
          report.add(Message.LOST_JOURNAL, null, folder.root().resolve(files.forward()),
              Slug.of(step.changes()).replace('_', ' '), journal, journal,
              files.reverse() == null ? files.forward() : files.forward() + " and " + files.reverse());
          clean = false;
        }
        state = Changes.apply(state, step.changes());
      }
    }
    return clean;
  }

  private void write(MigrationsFolder folder, Outputs outputs, int major, Schema previous,
      List<MigrationPlan.Step> steps) {
    Schema state = previous;
    int version = major;
    for (MigrationPlan.Step step : steps) {
      Version v = Version.of(version++);
      String slug = Slug.of(step.changes());
      render(v, slug, state, step).forEach(outputs::write);
      done.add(Message.MIGRATION_WRITTEN, null,
          folder.root().resolve(MigrationsFolder.forwardPath(v, slug)), step.changes().size(),
          MigrationsFolder.reversePath(v, slug));
      state = Changes.apply(state, step.changes());
    }
  }

  /** The files of one migration, by relative path: forward, reverse, configuration, journal. */
  private Map<String, String> render(Version v, String slug, Schema state, MigrationPlan.Step step) {
    return GeneratedMigration.render(v, slug, state, step, options.settings(), List.of());
  }


  /**
   * Brings {@code plinth.sum} and {@code HEAD} in line with the migration files (hand-written ones
   * too); in check mode, reports them when they are not. {@code verified}: the files' hashes, when
   * they are known (nothing was written and the sum file lists them), else null.
   */
  private void updateIntegrity(MigrationsFolder folder, Outputs outputs, Map<String, String> verified) {
    (verified == null ? CommittedFiles.expectedIntegrity(folder)
        : CommittedFiles.expectedIntegrity(folder, verified)).forEach((name, content) -> {
      if (!content.equals(folder.read(name).orElse(null))) {
        if (options.check()) {
          report.add(Message.SUM_OUT_OF_DATE, null, folder.root().resolve(name), CommittedFiles.outOfDate(folder));
        } else {
          outputs.write(name, content);
        }
      }
    });
  }

}
