package dev.plinth.runner.fleet;

import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.internal.fleet.MigrateStep;
import dev.plinth.runner.internal.fleet.RollbackStep;
import dev.plinth.runner.internal.fleet.Rollout;
import dev.plinth.runner.internal.fleet.ServerLimits;
import java.util.List;
import java.util.Objects;

/**
 * One set of migrations applied to many databases, or to many schemas of a database (one per
 * tenant): each command of {@link Plinth} run on every target, several at once, with one report.
 *
 * <pre>{@code
 * List<FleetTarget> targets = FleetTargets.read(Path.of("fleet.txt"));
 * RunnerConfig base = RunnerConfig.builder().user("app").password(System.getenv("DATABASE_PASSWORD")).build();
 * FleetReport report = Fleet.builder(targets, base).canary(5).wave(50).build().migrate();
 * }</pre>
 *
 * <p>Each target is migrated by its own {@link Plinth}, so locks, history and failures are exactly
 * those of a single database. Running a command again after a crash or an interruption continues
 * where it stopped: targets already at the goal are recognised from their history alone and skipped.
 */
public final class Fleet {

  private final List<FleetTarget> targets;
  private final RunnerConfig base;
  private final int parallel;
  private final int canary;
  private final int wave;
  private final boolean stopOnFailure;
  private final FleetListener listener;

  private Fleet(Builder builder) {
    this.targets = builder.targets;
    this.base = builder.base;
    this.parallel = builder.parallel;
    this.canary = builder.canary;
    this.wave = builder.wave;
    this.stopOnFailure = builder.stopOnFailure;
    this.listener = builder.listener;
  }

  /**
   * A fleet of {@code targets}, each run with {@code base} pointed at it: {@code base} gives the
   * locations, the target version, timeouts, and the user and password (which win over a target
   * URL's own); its URL, if any, is not used.
   */
  public static Builder builder(List<FleetTarget> targets, RunnerConfig base) {
    return new Builder(FleetTargets.checked(targets, "the fleet"), base);
  }

  /** {@link Plinth#migrate()} on every target; targets whose history shows them at the goal are skipped. */
  public FleetReport migrate() {
    return rollout("migrate").run(new MigrateStep(), canary, wave, stopOnFailure);
  }

  /**
   * {@link Plinth#rollback(RollbackTarget)} on every target down to a version (only
   * {@link RollbackTarget#to(String)}: a number of steps would roll back further when run again);
   * targets at or below it are skipped.
   */
  public FleetReport rollback(RollbackTarget to) {
    String version = to.version().orElseThrow(() -> new PlinthException(Message.FLEET_ROLLBACK_STEPS));
    return rollout("rollback").run(new RollbackStep(version), canary, wave, stopOnFailure);
  }

  /** {@link Plinth#info()} on every target; changes nothing, so the canary and waves do not apply. */
  public FleetReport info() {
    return rollout("info").run((target, plinth, start) -> TargetResult.info(target, plinth.info(), millisSince(start)),
        0, 0, false);
  }

  /**
   * {@link Plinth#verify()} on every target; see {@link FleetReport#driftGroups()}. Changes nothing, so
   * the canary and waves do not apply.
   */
  public FleetReport verify() {
    return rollout("verify").run(
        (target, plinth, start) -> TargetResult.verify(target, plinth.verify(), millisSince(start)), 0, 0, false);
  }

  private Rollout rollout(String command) {
    return new Rollout(command, targets, base, parallel, listener);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** Settings of a fleet run; every one has a default. */
  public static final class Builder {
    private final List<FleetTarget> targets;
    private final RunnerConfig base;
    private int parallel = ServerLimits.defaultParallel();
    private int canary;
    private int wave;
    private boolean stopOnFailure;
    private FleetListener listener = new FleetListener() { };

    private Builder(List<FleetTarget> targets, RunnerConfig base) {
      this.targets = targets;
      this.base = Objects.requireNonNull(base, "base");
    }

    /**
     * At most this many targets at once (default: twice the cores). Whatever it is, a server gets
     * no more targets at once than a sixth of the connections it has free (each target's run holds
     * up to three; half are left to the applications).
     */
    public Builder parallel(int parallel) {
      this.parallel = atLeastOne("--parallel", parallel);
      return this;
    }

    /** Run the first {@code canary} targets before any other; if one of them fails, start no other. */
    public Builder canary(int canary) {
      this.canary = atLeastOne("--canary", canary);
      return this;
    }

    /** After the canary, start the targets in waves of {@code size}, each finished before the next starts. */
    public Builder wave(int size) {
      this.wave = atLeastOne("--wave", size);
      return this;
    }

    /** Start no further target once one has failed (by default the others go on and the report lists it). */
    public Builder stopOnFailure(boolean stopOnFailure) {
      this.stopOnFailure = stopOnFailure;
      return this;
    }

    public Builder listener(FleetListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Fleet build() {
      return new Fleet(this);
    }

    private static int atLeastOne(String what, int value) {
      if (value < 1) {
        throw new PlinthException(Message.FLEET_COUNT_INVALID, what, value);
      }
      return value;
    }
  }
}
