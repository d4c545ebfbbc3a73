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
 */
record Options(String migrations, boolean check, String lockTimeout, String resourcePath,
    List<String> rebase) {
  static final Set<String> NAMES = Set.of("plinth.migrations", "plinth.check",
      "plinth.lockTimeout", "plinth.resourcePath", "plinth.rebase");

  static Options from(Map<String, String> raw) {
    String timeout = raw.getOrDefault("plinth.lockTimeout", "5s");
    String rebase = raw.getOrDefault("plinth.rebase", "");
    return new Options(
        blankToNull(raw.get("plinth.migrations")),
        Boolean.parseBoolean(raw.getOrDefault("plinth.check", "false")),
        timeout.equalsIgnoreCase("off") ? null : timeout,
        raw.getOrDefault("plinth.resourcePath", "db"),
        Arrays.stream(rebase.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
