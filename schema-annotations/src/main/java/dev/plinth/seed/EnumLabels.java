package dev.plinth.seed;

import dev.plinth.annotations.EnumValue;
import java.util.HashMap;
import java.util.Map;

/**
 * The SQL labels of Java enum constants: a constant's {@link EnumValue}, or its name. The seed
 * runner writes enum values with them, as the migrations create them.
 */
public final class EnumLabels {
  private static final ClassValue<Map<String, String>> LABELS = new ClassValue<>() {
    @Override
    protected Map<String, String> computeValue(Class<?> type) {
      return labels(type);
    }
  };

  private EnumLabels() {}

  /**
   * The label of {@code constant}. Example: {@code "in progress"} for
   * {@code @EnumValue("in progress") IN_PROGRESS}, {@code "DONE"} for {@code DONE}.
   */
  public static String of(Enum<?> constant) {
    return LABELS.get(constant.getDeclaringClass()).get(constant.name());
  }

  /** The labels of an enum's constants, by constant name. */
  private static Map<String, String> labels(Class<?> type) {
    Map<String, String> labels = new HashMap<>();
    for (Object constant : type.getEnumConstants()) {
      String name = ((Enum<?>) constant).name();
      EnumValue value;
      try {
        value = type.getField(name).getAnnotation(EnumValue.class);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("an enum constant is a field of its enum: " + name, e);
      }
      labels.put(name, value == null ? name : value.value());
    }
    return Map.copyOf(labels);
  }
}
