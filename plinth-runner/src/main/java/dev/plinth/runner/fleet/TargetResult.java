package dev.plinth.runner.fleet;

import dev.plinth.runner.InfoResult;
import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.VerifyResult;
import java.util.List;
import java.util.Optional;

/**
 * What one fleet command did on one target.
 *
 * @param target the target
 * @param status how it went
 * @param versionBefore the schema version before the command; empty when none was applied or it could not be read
 * @param versionAfter the schema version afterwards (the version a failure left)
 * @param changes migrations applied or rolled back
 * @param millis how long the target took, connecting included
 * @param error why it failed, for {@link Status#FAILED}
 * @param info for {@code info}: every migration with its state
 * @param verify for {@code verify}: the differences found
 */
public record TargetResult(FleetTarget target, Status status, Optional<String> versionBefore,
    Optional<String> versionAfter, int changes, long millis, Optional<Error> error, Optional<InfoResult> info,
    Optional<VerifyResult> verify) {

  /** How a target went. */
  public enum Status {
    /** The command ran (and, for {@code migrate} and {@code rollback}, reached the goal). */
    DONE,
    /** Already at the goal, seen from its history alone: the command was not run. */
    SKIPPED,
    /** The command failed; see {@link TargetResult#error()}. */
    FAILED,
    /** Not started: the canary failed, the run stopped at a failure, or it was interrupted. */
    NOT_STARTED
  }

  /**
   * A failure, as the single-database command reports it.
   *
   * @param id the catalogue id, e.g. {@code PLN640}
   * @param kind the kind, from which the CLI's exit code follows
   * @param message the whole message, id included; never a password
   */
  public record Error(String id, Message.Kind kind, String message) {
    public static Error of(PlinthException e) {
      return new Error(e.catalogueEntry().id(), e.kind(), e.getMessage());
    }

    /** A failure that is not one of Plinth's messages (a bug, or a driver failure nobody anticipated). */
    public static Error unexpected(RuntimeException e) {
      return new Error(Message.UNEXPECTED.id(), Message.UNEXPECTED.kind(),
          Message.UNEXPECTED.format(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  public TargetResult {
    versionBefore = versionBefore.filter(v -> !v.isEmpty());
    versionAfter = versionAfter.filter(v -> !v.isEmpty());
  }

  public static TargetResult notStarted(FleetTarget target) {
    return new TargetResult(target, Status.NOT_STARTED, Optional.empty(), Optional.empty(), 0, 0, Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /** Already at the goal: nothing was run. */
  public static TargetResult skipped(FleetTarget target, Optional<String> version, long millis) {
    return new TargetResult(target, Status.SKIPPED, version, version, 0, millis, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /** {@code migrate} or {@code rollback} ran: {@code changes} migrations applied or rolled back. */
  public static TargetResult done(FleetTarget target, Optional<String> before, Optional<String> after, int changes,
      long millis) {
    return new TargetResult(target, Status.DONE, before, after, changes, millis, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  public static TargetResult failed(FleetTarget target, Optional<String> before, Optional<String> after, long millis,
      Error error) {
    return new TargetResult(target, Status.FAILED, before, after, 0, millis, Optional.of(error), Optional.empty(),
        Optional.empty());
  }

  public static TargetResult info(FleetTarget target, InfoResult info, long millis) {
    return new TargetResult(target, Status.DONE, info.schemaVersion(), info.schemaVersion(), 0, millis,
        Optional.empty(), Optional.of(info), Optional.empty());
  }

  public static TargetResult verify(FleetTarget target, VerifyResult verify, long millis) {
    return new TargetResult(target, Status.DONE, verify.schemaVersion(), verify.schemaVersion(), 0, millis,
        Optional.empty(), Optional.empty(), Optional.of(verify));
  }

  /** Whether {@code verify} found drift on this target. */
  public boolean drift() {
    return verify.map(VerifyResult::drift).orElse(false);
  }

  /** For {@code info}: the migrations not applied yet (pending, or rolled back), which migrate would apply. */
  public long pending() {
    return info.map(InfoResult::migrations).orElse(List.of()).stream()
        .filter(row -> row.state().equals("pending") || row.state().equals(Message.INFO_ROLLED_BACK.text())).count();
  }
}
