package dev.plinth.cli.text;

import dev.plinth.runner.Message;
import dev.plinth.runner.fleet.DriftGroup;
import dev.plinth.runner.fleet.FleetReport;
import dev.plinth.runner.fleet.TargetResult;
import dev.plinth.runner.fleet.TargetResult.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report of a fleet command for a person: a summary line, a table with a row per target (in
 * the fleet's order), the failures in full, for {@code verify} the targets grouped by their
 * differences, and why targets were left out.
 */
public final class FleetText {

  /** Drift groups list at most this many of their targets; the largest group (the norm) lists none. */
  static final int GROUP_TARGETS_SHOWN = 20;

  private FleetText() {}

  public static List<String> report(FleetReport report) {
    List<String> lines = new ArrayList<>();
    int n = report.results().size();
    lines.add(Message.FLEET_SUMMARY.text(report.command(), n, ResultText.plural(n), report.totalMillis() / 1000.0,
        report.parallel(), counts(report)));
    lines.addAll(table(report));
    if (report.command().equals("verify")) {
      lines.addAll(groups(report.driftGroups()));
    }
    List<TargetResult> failures = report.failures();
    if (!failures.isEmpty()) {
      lines.add("");
      lines.add(Message.FLEET_FAILURES.text());
      for (TargetResult failure : failures) {
        String message = failure.error().orElseThrow().message();
        lines.add("  " + failure.target().name() + ": " + message.replace("\n", "\n    "));
      }
    }
    report.stop().ifPresent(stop -> {
      lines.add("");
      lines.add(stop(report, stop));
    });
    return lines;
  }

  /** e.g. {@code 198 migrated, 1 up to date, 1 failed}, leaving out what did not happen. */
  static String counts(FleetReport report) {
    Map<String, Long> counts = new HashMap<>();
    for (TargetResult result : report.results()) {
      counts.merge(outcome(report.command(), result), 1L, Long::sum);
    }
    List<String> parts = new ArrayList<>();
    for (String outcome : new LinkedHashSet<>(List.of(word(report.command(), true), word(report.command(), false),
        "drift", "failed", "not started"))) {
      if (counts.containsKey(outcome)) {
        parts.add(counts.get(outcome) + " " + outcome);
      }
    }
    return String.join(", ", parts);
  }

  private static List<String> table(FleetReport report) {
    boolean info = report.command().equals("info");
    TextTable table = info
        ? new TextTable("Target", "Version", "Pending", "Time", "Result")
        : new TextTable("Target", "Before", "After", "Time", "Result");
    for (TargetResult r : report.results()) {
      boolean ran = r.status() != Status.NOT_STARTED;
      String time = ran ? r.millis() + " ms" : "";
      String result = outcome(report.command(), r) + detail(r);
      if (info) {
        table.add(r.target().name(), version(r, r.versionAfter()), r.info().isPresent() ? String.valueOf(r.pending())
            : "", time, result);
      } else {
        table.add(r.target().name(), version(r, r.versionBefore()), version(r, r.versionAfter()), time, result);
      }
    }
    return table.lines();
  }

  /** A target's version; blank when it did not run, {@code ?} when it could not be reached. */
  private static String version(TargetResult r, Optional<String> version) {
    if (r.status() == Status.NOT_STARTED) {
      return "";
    }
    boolean unreachable = r.error().map(e -> e.kind() == Message.Kind.CONNECTION).orElse(false);
    return unreachable && version.isEmpty() ? "?" : ResultText.version(version);
  }

  /** What became of a target, in the command's words. */
  static String outcome(String command, TargetResult r) {
    return switch (r.status()) {
      case FAILED -> "failed";
      case NOT_STARTED -> "not started";
      case SKIPPED -> word(command, false);
      case DONE -> r.drift() ? "drift" : word(command, r.changes() > 0 || command.equals("info"));
    };
  }

  private static String word(String command, boolean changed) {
    return switch (command) {
      case "migrate" -> changed ? "migrated" : "up to date";
      case "rollback" -> changed ? "rolled back" : "already there";
      case "verify" -> "no drift";
      default -> "read";
    };
  }

  private static String detail(TargetResult r) {
    if (r.status() == Status.FAILED) {
      return " (" + r.error().orElseThrow().id() + ")";
    }
    if (r.changes() > 0) {
      return " (" + r.changes() + ")";
    }
    if (r.drift()) {
      int places = r.verify().orElseThrow().differences().size();
      return " (" + places + " place" + ResultText.plural(places) + ")";
    }
    return "";
  }

  private static List<String> groups(List<DriftGroup> groups) {
    List<String> lines = new ArrayList<>();
    boolean drift = false;
    for (int g = 0; g < groups.size(); g++) {
      DriftGroup group = groups.get(g);
      int n = group.targets().size();
      String version = ResultText.version(group.version());
      lines.add("");
      if (!group.drift()) {
        lines.add(Message.FLEET_DRIFT_NONE.text(n, ResultText.plural(n), version));
      } else {
        drift = true;
        int places = group.differences().size();
        lines.add(Message.FLEET_DRIFT_GROUP.text(n, ResultText.plural(n), version, places, ResultText.plural(places)));
        group.differences().forEach(d -> lines.add("  " + d));
      }
      if (g > 0) {
        group.targets().stream().limit(GROUP_TARGETS_SHOWN).forEach(t -> lines.add("    " + t.name()));
        if (n > GROUP_TARGETS_SHOWN) {
          lines.add(String.format(Locale.ROOT, "    ... and %d more", n - GROUP_TARGETS_SHOWN));
        }
      }
    }
    if (drift) {
      lines.add("");
      lines.add(Message.FLEET_DRIFT_ADVICE.text());
    }
    return lines;
  }

  private static String stop(FleetReport report, FleetReport.Stop stop) {
    int left = (int) report.count(Status.NOT_STARTED);
    return switch (stop) {
      case CANARY_FAILED -> {
        int failed = report.failures().size();
        yield Message.FLEET_CANARY_FAILED.text(failed, ResultText.plural(failed), left, ResultText.plural(left));
      }
      case FAILURE -> Message.FLEET_STOPPED.text(left, ResultText.plural(left));
      case INTERRUPTED -> Message.FLEET_INTERRUPTED.text(left, ResultText.plural(left));
    };
  }
}
