package dev.plinth.processor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The processor options ({@code -A} flags to javac).
 *
 * @param migrations the migrations folder, or null to only check the schema
 * @param check fail instead of writing (CI)
 * @param lockTimeout the {@code lock_timeout} of transactional migrations, or null for none
 * @param resourcePath where the migrations folder sits on the classpath
 * @param rebase slugs of generated migrations to remove and regenerate after the others
 * @param seeds whether to generate the typed seed builders
 */
record Options(String migrations, boolean check, String lockTimeout, String resourcePath,
    List<String> rebase, boolean seeds) {
  static final Set<String> NAMES = Set.of("plinth.migrations", "plinth.check",
      "plinth.lockTimeout", "plinth.resourcePath", "plinth.rebase", "plinth.seeds");

  /** Reads the options; an option given without a value ({@code -Aplinth.rebase=}) is unset. */
  static Options from(Map<String, String> raw) {
    String timeout = value(raw, "plinth.lockTimeout", "5s");
    return new Options(
        value(raw, "plinth.migrations", null),
        Boolean.parseBoolean(value(raw, "plinth.check", "false")),
        timeout.equalsIgnoreCase("off") ? null : timeout,
        value(raw, "plinth.resourcePath", "db"),
        Arrays.stream(value(raw, "plinth.rebase", "").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).toList(),
        Boolean.parseBoolean(value(raw, "plinth.seeds", "true")));
  }

  private static String value(Map<String, String> raw, String name, String otherwise) {
    String value = raw.get(name);
    return value == null || value.isBlank() ? otherwise : value.strip();
  }
}
