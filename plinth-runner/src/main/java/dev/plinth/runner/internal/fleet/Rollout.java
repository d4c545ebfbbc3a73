package dev.plinth.runner.internal.fleet;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.fleet.FleetListener;
import dev.plinth.runner.fleet.FleetProgress;
import dev.plinth.runner.fleet.FleetReport;
import dev.plinth.runner.fleet.FleetTarget;
import dev.plinth.runner.fleet.TargetResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs one command on every target of a fleet: phase after phase (the canary, then the waves), each
 * phase's targets on a pool of workers, at most {@code parallel} at once and at most each server's
 * share of its free connections ({@link ServerLimits}) on one server. A worker takes the first
 * waiting target whose server has room, so a busy server does not hold up the others.
 *
 * <p>A stop (the canary failed, a failure with stop-on-failure, the calling thread interrupted) starts
 * no further target; the running ones finish, since cutting a migration short only makes the server
 * roll it back. Targets never started are reported as such.
 */
public final class Rollout {

  /** A command's work on one target; a {@link PlinthException} it throws is the target's failure. */
  public interface Step {
    TargetResult run(FleetTarget target, Plinth plinth, long startNanos);
  }

  private final String command;
  private final List<FleetTarget> targets;
  private final RunnerConfig base;
  private final int parallel;
  private final FleetListener listener;
  private final Object listenerLock = new Object();

  // Guarded by this.
  private final LinkedList<Integer> waiting = new LinkedList<>();
  private final TargetResult[] results;
  private final Map<String, Integer> runningOn = new HashMap<>();
  private final SortedMap<String, Integer> limits = new TreeMap<>();
  private final Set<String> measuring = new HashSet<>();
  private int running;
  private int done;
  private int failed;
  private boolean stopping;
  private boolean closed;
  private Optional<FleetReport.Stop> stop = Optional.empty();
  private boolean inCanary;
  private long startNanos;

  public Rollout(String command, List<FleetTarget> targets, RunnerConfig base, int parallel, FleetListener listener) {
    this.command = command;
    this.targets = List.copyOf(targets);
    this.base = base;
    this.parallel = parallel;
    this.listener = listener;
    this.results = new TargetResult[targets.size()];
  }

  /**
   * Runs {@code step} on the targets, phase by phase.
   *
   * @param canary how many targets, from the first, make up the canary (0 for none): if one of
   *     them fails, nothing else starts
   * @param wave how many targets after the canary start together (each wave finishes before the next
   *     starts); 0 for all of them in one
   * @param stopOnFailure start no further target once one failed
   */
  public FleetReport run(Step step, int canary, int wave, boolean stopOnFailure) {
    try (ConnectionPool pool = new ConnectionPool(targets.stream().map(t -> t.config(base)).toList(),
        ServerLimits.CONNECTIONS_PER_TARGET * parallel)) {
      return run(step, canary, wave, stopOnFailure, pool);
    }
  }

  private FleetReport run(Step step, int canary, int wave, boolean stopOnFailure, ConnectionPool pool) {
    startNanos = System.nanoTime();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < Math.min(parallel, targets.size()); i++) {
      Thread worker = new Thread(() -> work(step, stopOnFailure, pool), "plinth-fleet-" + (i + 1));
      worker.setDaemon(true);
      worker.start();
      workers.add(worker);
    }
    boolean interrupted = false;
    try {
      for (List<Integer> phase : phases(targets.size(), canary, wave)) {
        if (!runPhase(phase, canary > 0 && phase.get(0) == 0)) {
          break;
        }
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    interrupted |= finish(interrupted ? Optional.of(FleetReport.Stop.INTERRUPTED) : Optional.empty());
    // The final counts, before the caller closes its progress line (a worker tells its last one
    // only after the run it waited for has ended).
    progress();
    FleetReport report = report();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return report;
  }

  /** The canary, then waves of {@code wave} (all the rest when 0), as lists of target positions. */
  static List<List<Integer>> phases(int size, int canary, int wave) {
    List<List<Integer>> phases = new ArrayList<>();
    int from = 0;
    if (canary > 0) {
      phases.add(range(0, Math.min(canary, size)));
      from = Math.min(canary, size);
    }
    int step = wave > 0 ? wave : Math.max(1, size - from);
    for (; from < size; from += step) {
      phases.add(range(from, Math.min(size, from + step)));
    }
    return phases;
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> range = new ArrayList<>();
    for (int i = from; i < to; i++) {
      range.add(i);
    }
    return range;
  }

  /** Runs one phase to its end; false when the run stops here. */
  private synchronized boolean runPhase(List<Integer> phase, boolean canary) throws InterruptedException {
    inCanary = canary;
    waiting.addAll(phase);
    notifyAll();
    while (!stopping && !phase.stream().allMatch(i -> results[i] != null)) {
      wait();
    }
    return !stopping;
  }

  /**
   * Starts no further target (for {@code why}, if given), waits until the running ones are done and
   * lets the workers go; true when the caller was interrupted meanwhile (the wait goes on regardless,
   * so that every started target is reported as it ended).
   */
  private synchronized boolean finish(Optional<FleetReport.Stop> why) {
    if (why.isPresent()) {
      stopping = true;
      stop = stop.or(() -> why);
    }
    waiting.clear();
    notifyAll();
    boolean interrupted = false;
    while (running > 0) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    closed = true;
    notifyAll();
    return interrupted;
  }

  private void work(Step step, boolean stopOnFailure, ConnectionPool pool) {
    while (true) {
      Pick pick = next();
      if (pick == null) {
        return;
      }
      FleetTarget target = targets.get(pick.index());
      synchronized (listenerLock) {
        listener.started(target);
      }
      progress();
      RunnerConfig config = target.config(base);
      TargetResult result = runOne(step, target, config, pick.measure(), pool);
      pool.finished(config);
      // Told before the result counts: a next phase, which waits for it, starts after the listener heard.
      synchronized (listenerLock) {
        listener.finished(result);
      }
      finished(pick.index(), result, stopOnFailure);
      progress();
    }
  }

  private record Pick(int index, boolean measure) {}

  /** The next target a worker may start, or null when the run is over. */
  private synchronized Pick next() {
    while (!closed) {
      if (!stopping) {
        for (Iterator<Integer> it = waiting.iterator(); it.hasNext(); ) {
          int index = it.next();
          String server = targets.get(index).server();
          boolean measure = !limits.containsKey(server) && !measuring.contains(server);
          if (measure || runningOn.getOrDefault(server, 0) < limits.getOrDefault(server, 0)) {
            it.remove();
            if (measure) {
              measuring.add(server);
            }
            runningOn.merge(server, 1, Integer::sum);
            running++;
            return new Pick(index, measure);
          }
        }
      }
      try {
        wait();
      } catch (InterruptedException e) {
        return null; // only the run's own threads are workers; nobody else interrupts them
      }
    }
    return null;
  }

  private TargetResult runOne(Step step, FleetTarget target, RunnerConfig config, boolean measure,
      ConnectionPool pool) {
    long start = System.nanoTime();
    boolean measured = false;
    try {
      Plinth plinth = Plinth.create(pool.dataSource(config), config);
      if (measure) {
        limit(target.server(), ServerLimits.measure(plinth.dataSource(), parallel));
        measured = true;
      }
      return step.run(target, plinth, start);
    } catch (PlinthException e) {
      return TargetResult.failed(target, Optional.empty(), Optional.empty(), millisSince(start),
          TargetResult.Error.of(e));
    } catch (RuntimeException e) {
      return TargetResult.failed(target, Optional.empty(), Optional.empty(), millisSince(start),
          TargetResult.Error.unexpected(e));
    } finally {
      if (measure && !measured) {
        limit(target.server(), parallel);
      }
    }
  }

  private synchronized void limit(String server, int targetsAtOnce) {
    limits.put(server, targetsAtOnce);
    measuring.remove(server);
    notifyAll();
  }

  private synchronized void finished(int index, TargetResult result, boolean stopOnFailure) {
    results[index] = result;
    running--;
    runningOn.merge(targets.get(index).server(), -1, Integer::sum);
    if (result.status() == TargetResult.Status.FAILED) {
      failed++;
      if (inCanary || stopOnFailure) {
        stopping = true;
        stop = stop.or(() -> Optional.of(inCanary ? FleetReport.Stop.CANARY_FAILED : FleetReport.Stop.FAILURE));
        waiting.clear();
      }
    } else {
      done++;
    }
    notifyAll();
  }

  private void progress() {
    FleetProgress progress;
    synchronized (this) {
      progress = new FleetProgress(command, targets.size(), done, failed, running, millisSince(startNanos));
    }
    synchronized (listenerLock) {
      listener.progress(progress);
    }
  }

  private synchronized FleetReport report() {
    List<TargetResult> all = new ArrayList<>();
    for (int i = 0; i < results.length; i++) {
      all.add(results[i] != null ? results[i] : TargetResult.notStarted(targets.get(i)));
    }
    return new FleetReport(command, all, parallel, limits, millisSince(startNanos), stop);
  }

  static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Override
  public String toString() {
    return "Rollout[" + command + ", " + targets.size() + " targets, parallel " + parallel + ", results "
        + Arrays.stream(results).filter(r -> r != null).count() + "]";
  }
}
