package dev.plinth.processor;

import dev.plinth.processor.message.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The processor options ({@code -A} flags to javac).
 *
 * @param migrations the migrations folder, or null to only check the schema
 * @param check fail instead of writing (CI)
 * @param lockTimeout the {@code lock_timeout} of transactional migrations, or null for none
 * @param resourcePath where the migrations folder sits on the classpath
 * @param rebase slugs of generated migrations to remove and regenerate after the others
 * @param seeds whether to generate the typed seed builders
 * @param postgres the oldest PostgreSQL major version the migrations must run on
 * @param tenantSchemas whether new migrations leave the default schema out of names, so that they
 *     run in each tenant's schema (recorded in their journal entries)
 */
record Options(String migrations, boolean check, String lockTimeout, String resourcePath,
    List<String> rebase, boolean seeds, int postgres, boolean tenantSchemas) {
  /** The oldest PostgreSQL version Plinth supports, and the target unless one is given. */
  static final int OLDEST_POSTGRES = 14;

  /** A PostgreSQL duration as {@code lock_timeout} takes it: {@code 5s}, {@code 500ms}, {@code 500}. */
  private static final Pattern LOCK_TIMEOUT = Pattern.compile("\\d+\\s*(us|ms|s|min|h|d)?");

  static final Set<String> NAMES = Set.of("plinth.migrations", "plinth.check",
      "plinth.lockTimeout", "plinth.resourcePath", "plinth.rebase", "plinth.seeds", "plinth.postgres",
      "plinth.tenantSchemas");

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
        Boolean.parseBoolean(value(raw, "plinth.seeds", "true")),
        postgres(value(raw, "plinth.postgres", String.valueOf(OLDEST_POSTGRES))),
        Boolean.parseBoolean(value(raw, "plinth.tenantSchemas", "false")));
  }

  /** A major version as written, or the oldest supported when it is not one (see {@link #problems}). */
  private static int postgres(String value) {
    try {
      return Math.max(OLDEST_POSTGRES, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return OLDEST_POSTGRES;
    }
  }

  /**
   * The messages about option values that are not valid (an option that is unset takes its
   * default): a lock timeout PostgreSQL would refuse, a flag that is neither true nor false.
   */
  static List<String> problems(Map<String, String> raw) {
    List<String> problems = new ArrayList<>();
    String timeout = value(raw, "plinth.lockTimeout", "5s");
    if (!timeout.equalsIgnoreCase("off") && !LOCK_TIMEOUT.matcher(timeout).matches()) {
      problems.add(Message.INVALID_OPTION.format("plinth.lockTimeout", timeout, "a lock timeout is a"
          + " whole number with an optional unit (us, ms, s, min, h or d; without one it is"
          + " milliseconds), or off for none.", "plinth.lockTimeout", "5s"));
    }
    String postgres = value(raw, "plinth.postgres", String.valueOf(OLDEST_POSTGRES));
    if (!postgres.matches("\\d{1,4}") || Integer.parseInt(postgres) < OLDEST_POSTGRES) {
      problems.add(Message.INVALID_OPTION.format("plinth.postgres", postgres, "it is the oldest"
          + " PostgreSQL major version the migrations run on, " + OLDEST_POSTGRES + " or later.",
          "plinth.postgres", "16"));
    }
    for (String flag : List.of("plinth.check", "plinth.seeds", "plinth.tenantSchemas")) {
      String value = value(raw, flag, "true");
      if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
        problems.add(Message.INVALID_OPTION.format(flag, value, "it is true or false.", flag, "true"));
      }
    }
    return problems;
  }

  private static String value(Map<String, String> raw, String name, String otherwise) {
    String value = raw.get(name);
    return value == null || value.isBlank() ? otherwise : value.strip();
  }
}
