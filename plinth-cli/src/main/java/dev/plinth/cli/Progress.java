package dev.plinth.cli;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Message;
import dev.plinth.runner.MigrateListener;
import dev.plinth.runner.MigrateResult;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Migrate's progress lines: one when a migration has been running for a while (so a long one does
 * not look like a hang), one when each is committed. With {@code --json} they go to standard error,
 * which keeps standard output one JSON object.
 */
final class Progress implements MigrateListener, AutoCloseable {
  /** A migration running longer than this gets a line saying it started. */
  static final long LONG_MILLIS = 2000;

  private final Console console;
  private final boolean toErr;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "plinth-progress");
    thread.setDaemon(true);
    return thread;
  });
  private ScheduledFuture<?> pending;

  Progress(Console console, boolean toErr) {
    this.console = console;
    this.toErr = toErr;
  }

  @Override
  public synchronized void starting(String version, String description, String script) {
    pending = timer.schedule(() -> line(Message.MIGRATION_RUNNING.text(version, description, script)),
        LONG_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void applied(MigrateResult.Applied applied) {
    if (pending != null) {
      pending.cancel(false);
    }
    line(ResultText.applied(applied));
  }

  private void line(String text) {
    if (toErr) {
      console.err(text);
    } else {
      console.out(text);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
