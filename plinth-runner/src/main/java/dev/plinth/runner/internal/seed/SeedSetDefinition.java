package dev.plinth.runner.internal.seed;

import dev.plinth.seed.SeedRows;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A seed set as the seeder runs it: usually read from the index the processor generates
 * ({@link SeedSetIndex}), or built by hand (tests, tools).
 *
 * @param name the seed set's name, normally its binary class name; part of its rows' seed keys
 * @param order lower runs first; ties are broken by name
 * @param envs the environments it belongs to
 * @param body adds the rows, typically {@code rows -> new Seeds(rows)...}
 */
public record SeedSetDefinition(String name, int order, Set<String> envs, Consumer<SeedRows> body) {
  public SeedSetDefinition {
    Objects.requireNonNull(name, "name");
    envs = Set.copyOf(envs);
    Objects.requireNonNull(body, "body");
  }
}
