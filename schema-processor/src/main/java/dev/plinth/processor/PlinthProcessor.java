package dev.plinth.processor;

import com.google.auto.service.AutoService;
import dev.plinth.processor.diff.Change;
import dev.plinth.processor.diff.Changes;
import dev.plinth.processor.diff.MigrationPlan;
import dev.plinth.processor.diff.SchemaDiff;
import dev.plinth.processor.io.History;
import dev.plinth.processor.io.JournalCodec;
import dev.plinth.processor.io.JournalEntry;
import dev.plinth.processor.io.MigrationsFolder;
import dev.plinth.processor.io.Version;
import dev.plinth.processor.message.Message;
import dev.plinth.processor.model.QualifiedName;
import dev.plinth.processor.model.Schema;
import dev.plinth.processor.model.Table;
import dev.plinth.processor.read.RecordReader;
import dev.plinth.processor.read.TableDraft;
import dev.plinth.processor.render.MigrationScript;
import dev.plinth.processor.render.Slug;
import dev.plinth.processor.validate.MigrationLint;
import dev.plinth.processor.validate.Report;
import dev.plinth.processor.validate.SchemaBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The Plinth annotation processor: reads every {@code @Table} record, validates it, diffs the
 * schema against the committed migrations and writes the next migration, its reverse and its
 * journal entry. Options:
 *
 * <ul>
 *   <li>{@code plinth.migrations}: the migrations folder (e.g. {@code src/main/resources/db})
 *   <li>{@code plinth.check}: {@code true} to fail instead of writing (CI)
 *   <li>{@code plinth.lockTimeout}: the {@code lock_timeout} of each transactional migration
 *       ({@code 5s} by default; {@code off} for none)
 *   <li>{@code plinth.resourcePath}: where the migrations sit on the classpath ({@code db})
 * </ul>
 */
@AutoService(Processor.class)
public final class PlinthProcessor extends AbstractProcessor {
  static final String TABLE = "dev.plinth.annotations.Table";

  private boolean done;
  private Options options;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    options = Options.from(env.getOptions());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(TABLE);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.NAMES;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done) {
      return false;
    }
    try {
      TypeElement table = processingEnv.getElementUtils().getTypeElement(TABLE);
      Map<String, TypeElement> roundTables = new TreeMap<>();
      if (table != null) {
        for (Element element : round.getElementsAnnotatedWith(table)) {
          if (element instanceof TypeElement type) {
            roundTables.put(type.getQualifiedName().toString(), type);
          }
        }
      }
      // The schema is handled in the first round that has tables (in practice the first round),
      // so that the Java sources generated from it are compiled in the following rounds.
      if (!roundTables.isEmpty()) {
        done = true;
        generate(roundTables);
      }
    } catch (RuntimeException | Error e) {
      // No exception reaches javac: it would hide the user's real errors behind a stack trace.
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Message.INTERNAL_ERROR.format(e));
    }
    return false;
  }

  private void generate(Map<String, TypeElement> roundTables) {
    Messager messager = processingEnv.getMessager();
    Elements elements = processingEnv.getElementUtils();
    Report report = new Report();

    MigrationsFolder folder = options.migrations() == null ? null
        : new MigrationsFolder(Path.of(options.migrations()));
    History history;
    try {
      history = folder == null ? null : History.load(folder);
    } catch (History.JournalException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, Message.JOURNAL_UNREADABLE.format(
          folder.root().resolve(e.file()), e.getMessage()));
      return;
    }
    Schema previous = history == null ? Schema.EMPTY : history.state();

    RecordReader reader = new RecordReader(elements, report);
    List<TableDraft> drafts = new ArrayList<>();
    roundTables.values().forEach(type -> reader.read(type).ifPresent(drafts::add));
    List<Table> kept = keptTables(previous, drafts, elements);
    SchemaBuilder builder = new SchemaBuilder(report,
        type -> type.getAnnotationMirrors().stream().anyMatch(a ->
            a.getAnnotationType().toString().equals(TABLE)) ? reader.read(type) : Optional.empty(),
        type -> elements.getBinaryName((TypeElement) ((DeclaredType) type).asElement()).toString());
    Schema schema = builder.build(drafts, kept, reader.enums(), previous);
    if (!report.isClean()) {
      report.printTo(messager);
      return;
    }
    if (folder == null) {
      messager.printMessage(Diagnostic.Kind.WARNING, Message.NO_MIGRATIONS_FOLDER.format());
      return;
    }
    boolean filesOk = checkCommittedFiles(folder, history, messager);
    Map<QualifiedName, TableDraft> byName = new HashMap<>();
    drafts.forEach(d -> byName.put(d.table().name(), d));
    MigrationLint lint = new MigrationLint(report, byName);
    lint.checkAmbiguities(previous, schema);
    List<Change> changes = SchemaDiff.diff(previous, schema);
    if (!report.isClean() || changes.isEmpty() || !filesOk) {
      report.printTo(messager);
      return;
    }
    if (options.check()) {
      messager.printMessage(Diagnostic.Kind.ERROR, Message.CHECK_SCHEMA_CHANGED.format(
          Slug.of(changes).replace('_', ' '), history.nextMajor()));
      return;
    }
    List<MigrationPlan.Step> steps = MigrationPlan.split(changes);
    for (int i = 0; i < steps.size(); i++) {
      lint.check(String.valueOf(history.nextMajor() + i), steps.get(i).changes());
    }
    report.printTo(messager);
    if (report.isClean()) {
      write(folder, history.nextMajor(), previous, steps, messager);
    }
  }

  /**
   * Tables of the committed state whose records are not in this round (an incremental compile)
   * but still exist: they are unchanged, not dropped. Only a deleted class is a dropped table.
   */
  private static List<Table> keptTables(Schema previous, List<TableDraft> drafts, Elements elements) {
    List<Table> kept = new ArrayList<>();
    for (Table table : previous.tables()) {
      boolean inRound = drafts.stream().anyMatch(d -> d.table().javaClass().equals(table.javaClass()));
      if (!inRound && elements.getTypeElement(table.javaClass().replace('$', '.')) != null) {
        kept.add(table);
      }
    }
    return kept;
  }

  /** Restores missing generated files (or, in check mode, reports them); reports edited ones. */
  private boolean checkCommittedFiles(MigrationsFolder folder, History history, Messager messager) {
    boolean ok = true;
    for (History.FileProblem problem : history.problems()) {
      if (problem.missing() && !options.check()) {
        folder.write(problem.file(), problem.expected());
        mirror(problem.file(), problem.expected());
        messager.printMessage(Diagnostic.Kind.NOTE,
            Message.FILE_RESTORED.format(problem.file(), problem.journal()));
      } else if (problem.missing()) {
        messager.printMessage(Diagnostic.Kind.ERROR,
            Message.CHECK_FILE_MISSING.format(problem.file(), problem.journal()));
        ok = false;
      } else {
        String path = folder.root().resolve(problem.file()).toString();
        messager.printMessage(Diagnostic.Kind.ERROR,
            Message.CHECK_FILE_DIFFERS.format(path, problem.journal(), path));
        ok = false;
      }
    }
    return ok;
  }

  private void write(MigrationsFolder folder, int major, Schema previous,
      List<MigrationPlan.Step> steps, Messager messager) {
    Schema state = previous;
    int version = major;
    for (MigrationPlan.Step step : steps) {
      Version v = Version.of(version++);
      String slug = Slug.of(step.changes());
      String lockTimeout = step.transactional() ? options.lockTimeout() : null;
      JournalEntry entry = new JournalEntry(JournalEntry.FORMAT, v.toString(), lockTimeout,
          step.transactional(), step.changes());
      Map<String, String> files = new LinkedHashMap<>();
      files.put(MigrationsFolder.forwardPath(v, slug),
          MigrationScript.forward(v.toString(), state, step.changes(), lockTimeout,
              step.transactional()));
      files.put(MigrationsFolder.reversePath(v, slug),
          MigrationScript.reverse(v.toString(), state, step.changes(), lockTimeout,
              step.transactional()));
      if (!step.transactional()) {
        files.put(MigrationsFolder.forwardPath(v, slug) + ".conf", History.NON_TRANSACTIONAL_CONF);
      }
      files.put(MigrationsFolder.journalPath(v, slug), JournalCodec.write(entry));
      files.forEach((path, content) -> {
        folder.write(path, content);
        mirror(path, content);
      });
      messager.printMessage(Diagnostic.Kind.NOTE, Message.MIGRATION_WRITTEN.format(
          folder.root().resolve(MigrationsFolder.forwardPath(v, slug)), step.changes().size(),
          MigrationsFolder.reversePath(v, slug)));
      state = Changes.apply(state, step.changes());
    }
  }

  /**
   * Also writes a file into the class output: Maven copies resources before it compiles, so a
   * migration generated during this compile would otherwise be missing from this build's jar.
   */
  private void mirror(String relative, String content) {
    Filer filer = processingEnv.getFiler();
    String path = options.resourcePath() + "/" + relative;
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
      try (Writer writer = file.openWriter()) {
        writer.write(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + " to the class output", e);
    }
  }

  /** The processor options. */
  record Options(String migrations, boolean check, String lockTimeout, String resourcePath) {
    static final Set<String> NAMES =
        Set.of("plinth.migrations", "plinth.check", "plinth.lockTimeout", "plinth.resourcePath");

    static Options from(Map<String, String> raw) {
      String timeout = raw.getOrDefault("plinth.lockTimeout", "5s");
      return new Options(
          blankToNull(raw.get("plinth.migrations")),
          Boolean.parseBoolean(raw.getOrDefault("plinth.check", "false")),
          timeout.equalsIgnoreCase("off") ? null : timeout,
          raw.getOrDefault("plinth.resourcePath", "db"));
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value;
    }
  }

}
