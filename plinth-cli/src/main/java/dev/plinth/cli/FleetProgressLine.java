package dev.plinth.cli;

import dev.plinth.runner.Message;
import dev.plinth.runner.fleet.FleetListener;
import dev.plinth.runner.fleet.FleetProgress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The progress of a fleet run on standard error, once a second: on a terminal one line rewritten in
 * place, elsewhere (a CI log) a new line whenever the counts changed; and a last line at the end.
 */
final class FleetProgressLine implements FleetListener, AutoCloseable {

  private final Console console;
  private final boolean inPlace;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "plinth-fleet-progress");
    thread.setDaemon(true);
    return thread;
  });
  private volatile FleetProgress latest;
  private String shown = "";

  FleetProgressLine(Console console, boolean inPlace) {
    this.console = console;
    this.inPlace = inPlace;
    timer.scheduleAtFixedRate(() -> show(false), 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public void progress(FleetProgress progress) {
    latest = progress;
  }

  private synchronized void show(boolean last) {
    FleetProgress p = latest;
    if (p == null) {
      return;
    }
    String counts = p.done() + "/" + p.failed() + "/" + p.running();
    if (counts.equals(shown) && !last && !inPlace) {
      return;
    }
    shown = counts;
    String line = Message.FLEET_PROGRESS.text(p.command(), p.done(), p.failed(), p.running(), p.pending(), p.total(),
        p.rate());
    if (inPlace) {
      console.errInPlace(line, last);
    } else {
      console.err(line);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    show(true);
  }

  /** Whether standard output and input are a terminal (not a pipe or a file). */
  static boolean terminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Java 22 and later return a console for redirected streams too, and say so here.
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
