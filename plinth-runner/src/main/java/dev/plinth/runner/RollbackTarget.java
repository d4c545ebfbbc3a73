package dev.plinth.runner;

import dev.plinth.runner.internal.RunnerContext;

import java.util.Optional;

/**
 * How far {@link Plinth#rollback(RollbackTarget)} goes: a number of applied migrations, newest
 * first, or down to a version (every applied migration newer than it is rolled back).
 */
public final class RollbackTarget {

  private final int steps;
  private final String version;

  private RollbackTarget(int steps, String version) {
    this.steps = steps;
    this.version = version;
  }

  /** The newest {@code steps} applied migrations. */
  public static RollbackTarget steps(int steps) {
    if (steps < 1) {
      throw new PlinthException(Message.ROLLBACK_STEPS_INVALID, steps);
    }
    return new RollbackTarget(steps, null);
  }

  /** Every applied migration newer than {@code version}; {@code 0} rolls back all of them. */
  public static RollbackTarget to(String version) {
    RunnerContext.parseVersion("--to", version);
    return new RollbackTarget(0, version);
  }

  /** The number of steps, when given that way. */
  public Optional<Integer> stepCount() {
    return version == null ? Optional.of(steps) : Optional.empty();
  }

  /** The version to go down to, when given that way. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  @Override
  public String toString() {
    return version == null ? "--steps " + steps : "--to " + version;
  }
}
