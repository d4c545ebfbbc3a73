package dev.plinth.runner.fleet;

import dev.plinth.runner.internal.catalog.Difference;
import dev.plinth.runner.fleet.TargetResult.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a fleet command did: one result per target, in the fleet's order.
 *
 * @param command {@code migrate}, {@code rollback}, {@code info} or {@code verify}
 * @param results one per target, in the order the fleet lists them
 * @param parallel the most targets that could run at once
 * @param serverLimits the most targets that could run at once on each server ({@code host:port}), a share
 *     of the connections it had free
 * @param totalMillis how long the run took
 * @param stop why targets were left out, if they were
 */
public record FleetReport(String command, List<TargetResult> results, int parallel,
    SortedMap<String, Integer> serverLimits, long totalMillis, Optional<Stop> stop) {

  /** Why a run left targets out. */
  public enum Stop {
    /** A canary target failed; nothing after the canary was started. */
    CANARY_FAILED,
    /** A target failed and the run was told to stop at the first failure. */
    FAILURE,
    /** The thread running the fleet was interrupted (Ctrl-C in the CLI). */
    INTERRUPTED
  }

  public FleetReport {
    results = List.copyOf(results);
    serverLimits = Collections.unmodifiableSortedMap(new TreeMap<>(serverLimits));
  }

  public long count(Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  public List<TargetResult> failures() {
    return results.stream().filter(r -> r.status() == Status.FAILED).toList();
  }

  /** Whether every target succeeded (and, for {@code verify}, none has drift). */
  public boolean ok() {
    return results.stream().allMatch(r -> (r.status() == Status.DONE || r.status() == Status.SKIPPED) && !r.drift());
  }

  /**
   * For {@code verify}: the targets that ran, grouped by version and differences; the largest group
   * first (ties in the fleet's order), so that the few targets unlike the rest come last.
   */
  public List<DriftGroup> driftGroups() {
    Map<List<Object>, List<TargetResult>> groups = new LinkedHashMap<>();
    for (TargetResult result : results) {
      if (result.verify().isPresent()) {
        List<String> differences = differences(result);
        groups.computeIfAbsent(List.of(result.versionAfter(), differences), k -> new ArrayList<>()).add(result);
      }
    }
    List<DriftGroup> list = new ArrayList<>();
    groups.forEach((key, members) -> list.add(new DriftGroup(members.get(0).versionAfter(), differences(members.get(0)),
        members.stream().map(TargetResult::target).toList())));
    list.sort(Comparator.comparingInt((DriftGroup g) -> -g.targets().size()));
    return list;
  }

  /** The target's differences as lines, its own schema written as a placeholder, sorted. */
  private static List<String> differences(TargetResult result) {
    Optional<String> schema = result.target().schema();
    return result.verify().orElseThrow().differences().stream()
        .map(d -> schema.isPresent() && d.name().startsWith(schema.get() + ".")
            ? new Difference(d.change(), d.object(), DriftGroup.SCHEMA_PLACEHOLDER
                + d.name().substring(schema.get().length()), d.aspect(), d.expected(), d.actual())
            : d)
        .map(Difference::text).sorted().toList();
  }
}
