package dev.plinth.processor.read;

import dev.plinth.processor.io.Resources;
import dev.plinth.processor.message.Message;
import dev.plinth.processor.validate.Report;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.Grant;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.Trigger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/** Reads {@code @Function} declarations (bodies from resource files) and tables' {@code @Trigger}s. */
public final class RoutineReader {
  private final Elements elements;
  private final Report report;
  private final Resources resources;
  private final SecurityReader security;
  private final Set<QualifiedName> declared = new HashSet<>();

  public RoutineReader(Elements elements, Report report, Resources resources) {
    this(elements, report, resources, new SecurityReader(elements, report));
  }

  /** A reader whose functions' {@code @Grant}s name roles through {@code security}. */
  public RoutineReader(Elements elements, Report report, Resources resources, SecurityReader security) {
    this.elements = elements;
    this.report = report;
    this.resources = resources;
    this.security = security;
  }

  /** The functions the types declare, by name; a problem is reported and the function left out. */
  public List<Function> functions(Collection<TypeElement> types) {
    Map<QualifiedName, Function> byName = new TreeMap<>();
    Map<QualifiedName, TypeElement> declaredOn = new TreeMap<>();
    for (TypeElement type : types) {
      List<Ann> annotations = Ann.findAll(type, "Function", elements);
      Map<QualifiedName, List<Grant>> grants = security.functionGrants(type,
          annotations.stream().map(RoutineReader::name).toList());
      for (Ann ann : annotations) {
        QualifiedName name = name(ann);
        declared.add(name);
        String resource = ann.string("resource").strip();
        Optional<String> body = resources.read(resource);
        if (body.isEmpty()) {
          report.add(Message.FUNCTION_RESOURCE_MISSING, ann.origin("resource"), name, resource,
              resources.places());
          continue;
        }
        if (body.get().isBlank()) {
          report.add(Message.FUNCTION_EMPTY_BODY, ann.origin("resource"), name, resource);
          continue;
        }
        if (byName.containsKey(name)) {
          report.add(Message.DUPLICATE_FUNCTION, ann.origin("name"), name,
              declaredOn.get(name).getQualifiedName(), type.getQualifiedName());
          continue;
        }
        byName.put(name, new Function(name, elements.getBinaryName(type).toString(),
            ann.string("arguments"), ann.string("returns"), ann.string("language"), body.get(),
            grants.get(name)));
        declaredOn.put(name, type);
      }
    }
    return List.copyOf(byName.values());
  }

  /** The name a {@code @Function} declares. */
  private static QualifiedName name(Ann function) {
    String schema = function.string("schema").isBlank() ? QualifiedName.DEFAULT_SCHEMA
        : function.string("schema");
    return new QualifiedName(schema, function.string("name").strip());
  }

  /** The names of the functions {@link #functions} found declared, also those it reported. */
  public Set<QualifiedName> declared() {
    return Set.copyOf(declared);
  }

  /**
   * The triggers of {@code tables} (from their records' {@code @Trigger}s), executing the
   * {@code declared} functions or functions named with a schema other than {@code public}.
   */
  public List<Trigger> triggers(List<Table> tables, Set<QualifiedName> declared) {
    List<Trigger> result = new ArrayList<>();
    for (Table table : tables) {
      TypeElement type = elements.getTypeElement(table.javaClass().replace('$', '.'));
      if (type == null) {
        continue;
      }
      Set<String> names = new HashSet<>();
      for (Ann ann : Ann.findAll(type, "Trigger", elements)) {
        read(ann, table, declared, names).ifPresent(result::add);
      }
    }
    return result;
  }

  private Optional<Trigger> read(Ann ann, Table table, Set<QualifiedName> declared, Set<String> names) {
    String name = ann.string("name").strip();
    String written = ann.string("function").strip();
    QualifiedName function = written.contains(".") ? QualifiedName.parse(written)
        : new QualifiedName(QualifiedName.DEFAULT_SCHEMA, written);
    List<String> events = ann.list("events").stream()
        .map(v -> ((VariableElement) ((AnnotationValue) v).getValue()).getSimpleName().toString())
        .toList();
    String timing = ann.constant("timing").replace('_', ' ');
    String forEach = ann.constant("forEach");
    if (!names.add(name)) {
      report.add(Message.DUPLICATE_TRIGGER, ann.origin("name"), table.name(), name);
    } else if (events.isEmpty()) {
      report.add(Message.TRIGGER_WITHOUT_EVENTS, ann.origin("events"), name, table.name());
    } else if (timing.equals("INSTEAD OF")) {
      report.add(Message.TRIGGER_INSTEAD_OF_ON_TABLE, ann.origin("timing"), name, table.name());
    } else if (events.contains("TRUNCATE") && forEach.equals("ROW")) {
      report.add(Message.TRIGGER_TRUNCATE_FOR_EACH_ROW, ann.origin("events"), name, table.name());
    } else if (function.schema().equals(QualifiedName.DEFAULT_SCHEMA) && !declared.contains(function)) {
      report.add(Message.TRIGGER_UNKNOWN_FUNCTION, ann.origin("function"), name, table.name(), function);
    } else {
      return Optional.of(new Trigger(name, table.name(), function, timing, events, forEach,
          ann.string("when"), table.javaClass()));
    }
    return Optional.empty();
  }
}
