package dev.plinth.runner.internal.fleet;

import dev.plinth.runner.MigrateResult;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.fleet.FleetTarget;
import dev.plinth.runner.fleet.TargetResult;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code migrate} on one target, skipped when the target's history is exactly that of a target this
 * run has migrated: Flyway, given the same files and the same history, would apply nothing there
 * either. So a run that is repeated (after a crash, say) costs one small query per finished target.
 */
public final class MigrateStep implements Rollout.Step {

  /** The history of the first target this run migrated: the goal, as Flyway left it. */
  private final AtomicReference<HistoryProbe> goal = new AtomicReference<>();

  @Override
  public TargetResult run(FleetTarget target, Plinth plinth, long startNanos) {
    HistoryProbe before = HistoryProbe.read(plinth);
    HistoryProbe reached = goal.get();
    if (reached != null && before.sameAs(reached)) {
      return TargetResult.skipped(target, before.version(), Rollout.millisSince(startNanos));
    }
    MigrateResult result;
    try {
      result = plinth.migrate();
    } catch (PlinthException e) {
      return TargetResult.failed(target, before.version(),
          HistoryProbe.tryRead(plinth).flatMap(HistoryProbe::version), Rollout.millisSince(startNanos),
          TargetResult.Error.of(e));
    }
    if (reached == null) {
      HistoryProbe.tryRead(plinth).ifPresent(after -> goal.compareAndSet(null, after));
    }
    return TargetResult.done(target, before.version(), result.schemaVersion(), result.applied().size(),
        Rollout.millisSince(startNanos));
  }
}
