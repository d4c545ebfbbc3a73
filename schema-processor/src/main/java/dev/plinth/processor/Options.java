package dev.plinth.processor;

import dev.plinth.processor.message.Message;
import dev.plinth.schema.journal.GeneratedMigration;
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
 * @param statementTimeout the {@code statement_timeout} of transactional migrations, or null for none
 * @param validationTimeout the {@code statement_timeout} of the migrations that validate
 *     constraints (they scan whole tables, without blocking writes), or null for none
 * @param strict whether constraints added to existing tables are validated by a migration of their
 *     own ({@code plinth.safety=strict}, the default) rather than in the one that adds them
 */
record Options(String migrations, boolean check, String lockTimeout, String resourcePath,
    List<String> rebase, boolean seeds, int postgres, boolean tenantSchemas, String statementTimeout,
    String validationTimeout, boolean strict) {
  /** The oldest PostgreSQL version Plinth supports, and the target unless one is given. */
  static final int OLDEST_POSTGRES = 14;

  /** A PostgreSQL duration as {@code lock_timeout} takes it: {@code 5s}, {@code 500ms}, {@code 500}. */
  private static final Pattern LOCK_TIMEOUT = Pattern.compile("\\d+\\s*(us|ms|s|min|h|d)?");

  static final Set<String> NAMES = Set.of("plinth.migrations", "plinth.check",
      "plinth.lockTimeout", "plinth.resourcePath", "plinth.rebase", "plinth.seeds", "plinth.postgres",
      "plinth.tenantSchemas", "plinth.statementTimeout", "plinth.validationTimeout", "plinth.safety");

  /**
   * The timeouts, with their defaults: a lock is waited for briefly, a statement holding one runs
   * for a bounded time, and validating a constraint (which lets writes go on) gets longer.
   */
  private static final List<List<String>> TIMEOUTS = List.of(
      List.of("plinth.lockTimeout", "5s", "a lock timeout"),
      List.of("plinth.statementTimeout", "1min", "a statement timeout"),
      List.of("plinth.validationTimeout", "1h", "a validation timeout"));

  /** Reads the options; an option given without a value ({@code -Aplinth.rebase=}) is unset. */
  static Options from(Map<String, String> raw) {
    return new Options(
        value(raw, "plinth.migrations", null),
        Boolean.parseBoolean(value(raw, "plinth.check", "false")),
        timeout(raw, TIMEOUTS.get(0)),
        value(raw, "plinth.resourcePath", "db"),
        Arrays.stream(value(raw, "plinth.rebase", "").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).toList(),
        Boolean.parseBoolean(value(raw, "plinth.seeds", "true")),
        postgres(value(raw, "plinth.postgres", String.valueOf(OLDEST_POSTGRES))),
        Boolean.parseBoolean(value(raw, "plinth.tenantSchemas", "false")),
        timeout(raw, TIMEOUTS.get(1)),
        timeout(raw, TIMEOUTS.get(2)),
        !value(raw, "plinth.safety", "strict").equalsIgnoreCase("relaxed"));
  }

  /** How the generated migrations are rendered. */
  GeneratedMigration.Settings settings() {
    return new GeneratedMigration.Settings(lockTimeout, statementTimeout, validationTimeout, strict,
        tenantSchemas);
  }

  /** A timeout option's value ({@code name}, default): null when it is {@code off}. */
  private static String timeout(Map<String, String> raw, List<String> option) {
    String timeout = value(raw, option.get(0), option.get(1));
    return timeout.equalsIgnoreCase("off") ? null : timeout;
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
    for (List<String> option : TIMEOUTS) {
      String timeout = value(raw, option.get(0), option.get(1));
      if (!timeout.equalsIgnoreCase("off") && !LOCK_TIMEOUT.matcher(timeout).matches()) {
        problems.add(Message.INVALID_OPTION.format(option.get(0), timeout, option.get(2) + " is a"
            + " whole number with an optional unit (us, ms, s, min, h or d; without one it is"
            + " milliseconds), or off for none.", option.get(0), option.get(1)));
      }
    }
    String safety = value(raw, "plinth.safety", "strict");
    if (!safety.equalsIgnoreCase("strict") && !safety.equalsIgnoreCase("relaxed")) {
      problems.add(Message.INVALID_OPTION.format("plinth.safety", safety, "it is strict (constraints"
          + " added to existing tables are validated by a migration of their own, so that writes are"
          + " blocked only briefly) or relaxed (one transaction, for small tables).",
          "plinth.safety", "relaxed"));
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
