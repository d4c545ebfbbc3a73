package dev.plinth.processor.read;

import dev.plinth.processor.validate.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * One annotation on one element, read through its mirror (so class-valued attributes work and
 * every value can be pointed at in a diagnostic).
 */
final class Ann {
  static final String PACKAGE = "dev.plinth.annotations.";

  private final Element element;
  private final AnnotationMirror mirror;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> values;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> explicit;
  private final Elements elements;

  private Ann(Element element, AnnotationMirror mirror, Elements elements) {
    this.element = element;
    this.mirror = mirror;
    this.elements = elements;
    this.values = elements.getElementValuesWithDefaults(mirror);
    this.explicit = mirror.getElementValues();
  }

  /** The annotation {@code dev.plinth.annotations.<simpleName>} on {@code element}, if present. */
  static Optional<Ann> find(Element element, String simpleName, Elements elements) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (name(mirror).equals(PACKAGE + simpleName)) {
        return Optional.of(new Ann(element, mirror, elements));
      }
    }
    return Optional.empty();
  }

  /** Whether {@code dev.plinth.annotations.<simpleName>} is on {@code element}. */
  static boolean isPresent(Element element, String simpleName) {
    return element.getAnnotationMirrors().stream().anyMatch(m -> name(m).equals(PACKAGE + simpleName));
  }

  /** All occurrences of a repeatable annotation, direct or inside its {@code List} container. */
  static List<Ann> findAll(Element element, String simpleName, Elements elements) {
    List<Ann> result = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = name(mirror);
      if (name.equals(PACKAGE + simpleName)) {
        result.add(new Ann(element, mirror, elements));
      } else if (name.equals(PACKAGE + simpleName + ".List")) {
        Ann container = new Ann(element, mirror, elements);
        for (AnnotationValue item : container.list("value")) {
          result.add(new Ann(element, (AnnotationMirror) item.getValue(), elements));
        }
      }
    }
    return result;
  }

  /** Whether any annotation with this simple name is on the element or its type. */
  static boolean hasSimpleName(Element element, String simpleName) {
    List<AnnotationMirror> mirrors = new ArrayList<>(element.getAnnotationMirrors());
    mirrors.addAll(element.asType().getAnnotationMirrors());
    return mirrors.stream().anyMatch(m ->
        m.getAnnotationType().asElement().getSimpleName().contentEquals(simpleName));
  }

  private static String name(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  String simpleName() {
    return "@" + mirror.getAnnotationType().asElement().getSimpleName();
  }

  Origin origin() {
    return new Origin(element, mirror, null);
  }

  /** The position of one attribute, or of the annotation when the attribute was not written. */
  Origin origin(String attribute) {
    return new Origin(element, mirror, explicitValue(attribute));
  }

  /** Whether the attribute is written (not left to its default). */
  boolean isSet(String attribute) {
    return explicitValue(attribute) != null;
  }

  private AnnotationValue explicitValue(String attribute) {
    for (var entry : explicit.entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private Object raw(String attribute) {
    for (var entry : values.entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue().getValue();
      }
    }
    throw new IllegalArgumentException(simpleName() + " has no attribute " + attribute);
  }

  String string(String attribute) {
    return (String) raw(attribute);
  }

  int integer(String attribute) {
    return (Integer) raw(attribute);
  }

  long longValue(String attribute) {
    return (Long) raw(attribute);
  }

  boolean bool(String attribute) {
    return (Boolean) raw(attribute);
  }

  /** An enum constant's name. */
  String constant(String attribute) {
    return ((VariableElement) raw(attribute)).getSimpleName().toString();
  }

  TypeMirror type(String attribute) {
    return (TypeMirror) raw(attribute);
  }

  @SuppressWarnings("unchecked")
  List<AnnotationValue> list(String attribute) {
    return (List<AnnotationValue>) raw(attribute);
  }

  /** The annotations of an array attribute of annotations ({@code checks = @Check(...)}). */
  List<Ann> annotations(String attribute) {
    return list(attribute).stream()
        .map(v -> new Ann(element, (AnnotationMirror) v.getValue(), elements)).toList();
  }

  List<String> strings(String attribute) {
    return list(attribute).stream().map(v -> (String) v.getValue()).toList();
  }

  /** The position of the {@code index}th element of an array attribute. */
  Origin origin(String attribute, int index) {
    AnnotationValue value = explicitValue(attribute);
    if (value != null && value.getValue() instanceof List<?> items && index < items.size()) {
      return new Origin(element, mirror, (AnnotationValue) items.get(index));
    }
    return origin(attribute);
  }
}
