package dev.plinth.runner.internal.fleet;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RollbackResult;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.fleet.FleetTarget;
import dev.plinth.runner.fleet.TargetResult;

/** {@code rollback --to} on one target, skipped when its history shows it at or below that version already. */
public final class RollbackStep implements Rollout.Step {

  private final String version;

  public RollbackStep(String version) {
    this.version = version;
  }

  @Override
  public TargetResult run(FleetTarget target, Plinth plinth, long startNanos) {
    HistoryProbe before = HistoryProbe.read(plinth);
    if (before.atOrBelow(version)) {
      return TargetResult.skipped(target, before.version(), Rollout.millisSince(startNanos));
    }
    RollbackResult result;
    try {
      result = plinth.rollback(RollbackTarget.to(version));
    } catch (PlinthException e) {
      return TargetResult.failed(target, before.version(),
          HistoryProbe.tryRead(plinth).flatMap(HistoryProbe::version), Rollout.millisSince(startNanos),
          TargetResult.Error.of(e));
    }
    return TargetResult.done(target, before.version(), result.schemaVersion(), result.steps().size(),
        Rollout.millisSince(startNanos));
  }
}
