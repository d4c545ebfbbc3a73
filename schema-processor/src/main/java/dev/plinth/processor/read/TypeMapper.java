package dev.plinth.processor.read;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** The Java-to-PostgreSQL type table (documented in the README). */
final class TypeMapper {
  private static final Map<TypeKind, String> PRIMITIVES = Map.of(
      TypeKind.INT, "integer",
      TypeKind.LONG, "bigint",
      TypeKind.SHORT, "smallint",
      TypeKind.BOOLEAN, "boolean",
      TypeKind.DOUBLE, "double precision",
      TypeKind.FLOAT, "real");

  private static final Map<String, String> DECLARED = Map.ofEntries(
      Map.entry("java.lang.String", "text"),
      Map.entry("java.lang.Integer", "integer"),
      Map.entry("java.lang.Long", "bigint"),
      Map.entry("java.lang.Short", "smallint"),
      Map.entry("java.lang.Boolean", "boolean"),
      Map.entry("java.lang.Double", "double precision"),
      Map.entry("java.lang.Float", "real"),
      Map.entry("java.math.BigDecimal", "numeric"),
      Map.entry("java.util.UUID", "uuid"),
      Map.entry("java.time.Instant", "timestamp with time zone"),
      Map.entry("java.time.OffsetDateTime", "timestamp with time zone"),
      Map.entry("java.time.LocalDateTime", "timestamp without time zone"),
      Map.entry("java.time.LocalDate", "date"),
      Map.entry("java.time.LocalTime", "time without time zone"),
      Map.entry("java.time.OffsetTime", "time with time zone"),
      Map.entry("java.time.Duration", "interval"),
      Map.entry("java.net.InetAddress", "inet"));

  /** What a Java type maps to: an SQL scalar type, or an enum, possibly as array elements. */
  record Mapped(String sqlType, TypeElement enumElement, boolean array) {}

  private TypeMapper() {}

  static boolean isIntegral(TypeMirror type) {
    String sql = map(type).map(Mapped::sqlType).orElse("");
    return !isArray(type) && (sql.equals("integer") || sql.equals("bigint") || sql.equals("smallint"));
  }

  static boolean isString(TypeMirror type) {
    return type.toString().equals("java.lang.String");
  }

  static boolean isFloatArray(TypeMirror type) {
    return type.getKind() == TypeKind.ARRAY
        && ((ArrayType) type).getComponentType().getKind() == TypeKind.FLOAT;
  }

  static boolean isArray(TypeMirror type) {
    return type.getKind() == TypeKind.ARRAY || elementOfList(type).isPresent();
  }

  /** The mapping of {@code type}, or empty when it has none. */
  static Optional<Mapped> map(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      if (component.getKind() == TypeKind.BYTE) {
        return Optional.of(new Mapped("bytea", null, false));
      }
      return scalar(component).map(m -> new Mapped(m.sqlType(), m.enumElement(), true));
    }
    Optional<TypeMirror> listElement = elementOfList(type);
    if (listElement.isPresent()) {
      return scalar(listElement.get()).map(m -> new Mapped(m.sqlType(), m.enumElement(), true));
    }
    return scalar(type);
  }

  private static Optional<Mapped> scalar(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return Optional.ofNullable(PRIMITIVES.get(type.getKind())).map(s -> new Mapped(s, null, false));
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() == ElementKind.ENUM) {
      return Optional.of(new Mapped(null, element, false));
    }
    return Optional.ofNullable(DECLARED.get(element.getQualifiedName().toString()))
        .map(s -> new Mapped(s, null, false));
  }

  private static Optional<TypeMirror> elementOfList(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type;
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    if (name.equals("java.util.List") && declared.getTypeArguments().size() == 1) {
      return Optional.of(declared.getTypeArguments().get(0));
    }
    return Optional.empty();
  }

  /** The JVM parameter slots a value of this type takes: two for long and double, else one. */
  static int slots(TypeMirror type) {
    return type.getKind() == TypeKind.LONG || type.getKind() == TypeKind.DOUBLE ? 2 : 1;
  }

  /** The boxed name of a primitive, for messages. */
  static String boxed(TypeMirror type) {
    return switch (type.getKind()) {
      case INT -> "Integer";
      case LONG -> "Long";
      case SHORT -> "Short";
      case BOOLEAN -> "Boolean";
      case DOUBLE -> "Double";
      case FLOAT -> "Float";
      case BYTE -> "Byte";
      case CHAR -> "Character";
      default -> type.toString();
    };
  }
}
