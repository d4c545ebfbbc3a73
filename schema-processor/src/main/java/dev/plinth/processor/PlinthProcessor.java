package dev.plinth.processor;

import com.google.auto.service.AutoService;
import dev.plinth.processor.message.Message;
import dev.plinth.processor.read.IgnoredAnnotations;
import dev.plinth.processor.read.RecordReader;
import dev.plinth.processor.validate.Report;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.QualifiedNameable;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The Plinth annotation processor: reads every {@code @Table} and {@code @View} record, validates it, diffs the
 * schema against the committed migrations and writes the next migration, its reverse and its
 * journal entry. Options:
 *
 * <ul>
 *   <li>{@code plinth.migrations}: the migrations folder (e.g. {@code src/main/resources/db})
 *   <li>{@code plinth.check}: {@code true} to fail instead of writing (CI)
 *   <li>{@code plinth.lockTimeout}: the {@code lock_timeout} of each transactional migration
 *       ({@code 5s} by default; {@code off} for none)
 *   <li>{@code plinth.statementTimeout}: the {@code statement_timeout} of each transactional
 *       migration ({@code 1min} by default; {@code off} for none)
 *   <li>{@code plinth.validationTimeout}: the {@code statement_timeout} of a migration that
 *       validates constraints ({@code 1h} by default; {@code off} for none)
 *   <li>{@code plinth.safety}: {@code strict} (the default) validates constraints added to
 *       existing tables (CHECK, FOREIGN KEY, NOT NULL through a check) in a migration of their own,
 *       after the one that adds them {@code NOT VALID}, builds and drops their indexes
 *       {@code CONCURRENTLY} outside a transaction and attaches unique constraints and primary keys
 *       to such an index ({@code USING INDEX}), so that writes are blocked only briefly;
 *       {@code relaxed} keeps each change in one transaction
 *   <li>{@code plinth.resourcePath}: where the migrations sit on the classpath ({@code db})
 *   <li>{@code plinth.rebase}: slugs of generated migrations to regenerate after the others
 *       (after merging two branches that both added a migration)
 *   <li>{@code plinth.seeds}: {@code false} to skip generating the typed seed builders
 *   <li>{@code plinth.postgres}: the oldest PostgreSQL major version the migrations run on
 *       ({@code 14} by default); what needs a newer one is a compile error
 *   <li>{@code plinth.tenantSchemas}: {@code true} to write new migrations for a schema per tenant:
 *       objects of {@code public} are named without their schema, so that each tenant's
 *       {@code search_path} puts them in its own schema (recorded in the journal entry)
 * </ul>
 */
@AutoService(Processor.class)
public final class PlinthProcessor extends AbstractProcessor {
  static final String TABLE = "dev.plinth.annotations.Table";
  static final String ENUM_TYPE = "dev.plinth.annotations.EnumType";
  static final String VIEW = "dev.plinth.annotations.View";
  static final String DB_SCHEMA = "dev.plinth.annotations.DbSchema";
  static final String FUNCTION = "dev.plinth.annotations.Function";
  static final String DOMAIN = "dev.plinth.annotations.Domain";
  private static final String ANNOTATIONS = "dev.plinth.annotations.";

  private boolean done;
  private boolean errorRaised;
  /** The schema's run, whose files are written in the final round if the compilation is clean. */
  private Generation generation;
  private Options options;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    options = Options.from(env.getOptions());
    List<String> problems = Options.problems(env.getOptions());
    problems.forEach(p -> env.getMessager().printMessage(Diagnostic.Kind.ERROR, p));
    // With an option that is not valid nothing is generated: the one error to fix is the option.
    done = !problems.isEmpty();
  }

  /**
   * Every annotation, and none: javac then runs the processor also in a compile where no
   * {@code @Table} record is left (the last one was deleted), whose migration drops the committed
   * tables. A compile without Plinth annotations and without a migrations folder costs a look-up
   * per round.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
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
    errorRaised |= round.errorRaised();
    try {
      if (annotations.stream().anyMatch(PlinthProcessor::isPlinth)) {
        // Plinth annotations where Plinth does not read them are reported.
        Report ignored = new Report();
        new IgnoredAnnotations(ignored).check(round.getRootElements());
        ignored.printTo(processingEnv.getMessager());
      }
      if (!done) {
        Map<String, List<Element>> annotated = annotated(round, List.of(TABLE, ENUM_TYPE, VIEW, DB_SCHEMA,
            FUNCTION, FUNCTION + ".List", DOMAIN, DOMAIN + ".List"));
        Map<String, TypeElement> roundTables = named(annotated.get(TABLE), TypeElement.class);
        Map<String, TypeElement> roundEnums = named(annotated.get(ENUM_TYPE), TypeElement.class);
        roundEnums.values().removeIf(e -> !RecordReader.isStandalone(e, processingEnv.getElementUtils()));
        Map<String, TypeElement> roundViews = named(annotated.get(VIEW), TypeElement.class);
        Map<String, PackageElement> roundSchemas = named(annotated.get(DB_SCHEMA), PackageElement.class);
        Map<String, TypeElement> roundFunctions = named(annotated.get(FUNCTION), TypeElement.class);
        roundFunctions.putAll(named(annotated.get(FUNCTION + ".List"), TypeElement.class));
        Map<String, TypeElement> roundDomains = named(annotated.get(DOMAIN), TypeElement.class);
        roundDomains.putAll(named(annotated.get(DOMAIN + ".List"), TypeElement.class));
        // The schema is handled in the first round that has tables or enum types of their own (in
        // practice the first round), so that the Java sources generated from it are compiled in the
        // following rounds.
        if (!roundTables.isEmpty() || !roundEnums.isEmpty() || !roundViews.isEmpty()
            || !roundSchemas.isEmpty() || !roundFunctions.isEmpty() || !roundDomains.isEmpty()) {
          done = true;
          generation = generate(roundTables, roundEnums, roundViews, roundSchemas, roundFunctions,
              roundDomains);
        } else if (round.processingOver() && options.migrations() != null) {
          // No round had a record: every committed table whose class is gone is dropped.
          done = true;
          generation = generate(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
        }
      }
      // Files are written in the final round, and only if no round raised an error: a compile
      // that fails (here, in javac or in another processor) must not leave a migration behind.
      if (round.processingOver() && generation != null) {
        generation.commit(errorRaised).printTo(processingEnv.getMessager());
        generation = null;
      }
    } catch (RuntimeException | Error e) {
      // No exception reaches javac: it would hide the user's real errors behind a stack trace.
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Message.INTERNAL_ERROR.format(e));
    }
    return false;
  }

  private static boolean isPlinth(TypeElement annotation) {
    return annotation.getQualifiedName().toString().startsWith(ANNOTATIONS);
  }

  /**
   * The elements of this round annotated with each of {@code annotations} (directly: none of them
   * is inherited), by annotation: one scan of the round's elements for all of them, where a scan
   * per annotation walked every element of the round once for each.
   */
  private Map<String, List<Element>> annotated(RoundEnvironment round, List<String> annotations) {
    Map<String, List<Element>> found = new HashMap<>();
    Map<Element, String> byType = new HashMap<>();
    List<TypeElement> types = new ArrayList<>();
    for (String annotation : annotations) {
      found.put(annotation, new ArrayList<>());
      TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
      if (type != null) {
        byType.put(type, annotation);
        types.add(type);
      }
    }
    if (types.isEmpty()) {
      return found;
    }
    for (Element element : round.getElementsAnnotatedWithAny(types.toArray(TypeElement[]::new))) {
      for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
        String annotation = byType.get(mirror.getAnnotationType().asElement());
        if (annotation != null) {
          found.get(annotation).add(element);
        }
      }
    }
    return found;
  }

  /** The elements of {@code kind} (types, or packages) among {@code elements}, by qualified name. */
  private static <T extends QualifiedNameable> Map<String, T> named(List<Element> elements, Class<T> kind) {
    Map<String, T> found = new TreeMap<>();
    for (Element element : elements) {
      if (kind.isInstance(element)) {
        T named = kind.cast(element);
        found.put(named.getQualifiedName().toString(), named);
      }
    }
    return found;
  }

  private Generation generate(Map<String, TypeElement> roundTables, Map<String, TypeElement> roundEnums,
      Map<String, TypeElement> roundViews, Map<String, PackageElement> roundSchemas,
      Map<String, TypeElement> roundFunctions, Map<String, TypeElement> roundDomains) {
    Report report = new Report();
    Generation run = new Generation(processingEnv, options, report);
    try {
      run.run(roundTables, roundEnums.values(), roundViews.values(), roundSchemas,
          roundFunctions.values(), roundDomains.values());
    } catch (UncheckedIOException e) {
      report.add(Message.IO_FAILED, null, e.getMessage(), e.getCause());
    }
    report.printTo(processingEnv.getMessager());
    return run;
  }
}
