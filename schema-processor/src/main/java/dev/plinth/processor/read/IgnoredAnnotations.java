package dev.plinth.processor.read;

import dev.plinth.processor.message.Message;
import dev.plinth.processor.validate.Origin;
import dev.plinth.processor.validate.Report;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Plinth annotations where Plinth never reads them: on a class, an interface, or a record without
 * {@code @Table} (and on their members). One warning per type, listing them. Enums are read
 * through the tables that use them, {@code @Nullable} means the same anywhere, and {@code @Function}
 * and {@code @Domain} may be on any type (a {@code @Function}'s type with the
 * {@code @Grant(function = ...)}s of its functions), so none of them is reported.
 */
public final class IgnoredAnnotations {
  private static final Set<String> ANYWHERE = Set.of(Ann.PACKAGE + "Nullable", Ann.PACKAGE + "Function",
      Ann.PACKAGE + "Role", Ann.PACKAGE + "Domain");

  private final Report report;

  public IgnoredAnnotations(Report report) {
    this.report = report;
  }

  /** Checks the types among {@code elements} (the root elements of a round) and the types nested in them. */
  public void check(Set<? extends Element> elements) {
    for (Element element : elements) {
      if (element instanceof TypeElement type) {
        check(type);
      }
    }
  }

  private void check(TypeElement type) {
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof TypeElement nested) {
        check(nested);
      }
    }
    ElementKind kind = type.getKind();
    if (kind == ElementKind.ENUM || kind == ElementKind.ANNOTATION_TYPE
        || Ann.isPresent(type, "Table") || Ann.isPresent(type, "View")) {
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    collect(type, names);
    for (Element member : type.getEnclosedElements()) {
      if (!(member instanceof TypeElement)) {
        collect(member, names);
      }
      if (member instanceof ExecutableElement executable) {
        executable.getParameters().forEach(p -> collect(p, names));
      }
    }
    if (Ann.isPresent(type, "Function") || Ann.isPresent(type, "Function.List")) {
      if (grants(type).stream().allMatch(IgnoredAnnotations::onFunction)) {
        names.remove("@Grant"); // read with the functions the type declares
      }
    }
    if (!names.isEmpty()) {
      report(type, new ArrayList<>(names));
    }
  }

  /** The {@code @Grant}s on {@code type}, also those inside their container. */
  private static List<AnnotationMirror> grants(TypeElement type) {
    List<AnnotationMirror> grants = new ArrayList<>();
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      String name = mirror.getAnnotationType().toString();
      if (name.equals(Ann.PACKAGE + "Grant")) {
        grants.add(mirror);
      } else if (name.equals(Ann.PACKAGE + "Grant.List")) {
        mirror.getElementValues().forEach((key, value) -> {
          if (key.getSimpleName().contentEquals("value")) {
            for (Object item : (List<?>) value.getValue()) {
              grants.add((AnnotationMirror) ((AnnotationValue) item).getValue());
            }
          }
        });
      }
    }
    return grants;
  }

  /** Whether a {@code @Grant} names a function (its {@code function} set, not blank). */
  private static boolean onFunction(AnnotationMirror grant) {
    return grant.getElementValues().entrySet().stream().anyMatch(e ->
        e.getKey().getSimpleName().contentEquals("function")
            && !e.getValue().getValue().toString().isBlank());
  }

  private static void collect(Element element, Set<String> names) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      Element annotation = mirror.getAnnotationType().asElement();
      if (annotation.getEnclosingElement() instanceof TypeElement repeated) {
        annotation = repeated; // the container of a repeated annotation: @Index.List is @Index
      }
      String name = ((TypeElement) annotation).getQualifiedName().toString();
      if (name.startsWith(Ann.PACKAGE) && !ANYWHERE.contains(name)) {
        names.add("@" + annotation.getSimpleName());
      }
    }
  }

  private void report(TypeElement type, List<String> names) {
    boolean record = type.getKind() == ElementKind.RECORD;
    String them = names.size() == 1 ? "it" : "them";
    String kind = record ? "Record" : type.getKind() == ElementKind.INTERFACE ? "Interface" : "Class";
    String fix = record ? "Add @Table to make it a table, or remove " + them + "."
        : "Plinth reads tables from records annotated @Table: declare the table as one, or remove"
            + " the annotation" + (names.size() == 1 ? "." : "s.");
    report.add(Message.IGNORED_ANNOTATIONS, Origin.of(type), kind, type.getQualifiedName(),
        list(names), them, fix);
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  private static String list(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
