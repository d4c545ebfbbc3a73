package dev.plinth.cli;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Message;
import dev.plinth.runner.MigrateListener;
import dev.plinth.runner.MigrateResult;
import dev.plinth.runner.RollbackListener;
import dev.plinth.runner.RollbackResult;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Migrate's and rollback's progress lines: one when a script has been running for a while (so a
 * long one does not look like a hang), one when each is committed (so a run that is stopped has
 * said what it finished). With {@code --json} they go to standard error, which keeps standard
 * output one JSON object.
 */
final class Progress implements MigrateListener, RollbackListener, AutoCloseable {
  /** A migration running longer than this gets a line saying it started. */
  static final long LONG_MILLIS = 2000;

  private final Console console;
  private final boolean toErr;
  /** The line of a script that runs long: {@code Applying V7 ...} or {@code Rolling back V7 ...}. */
  private final Message running;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "plinth-progress");
    thread.setDaemon(true);
    return thread;
  });
  private ScheduledFuture<?> pending;

  private Progress(Console console, boolean toErr, Message running) {
    this.console = console;
    this.toErr = toErr;
    this.running = running;
  }

  static Progress ofMigrate(Console console, boolean toErr) {
    return new Progress(console, toErr, Message.MIGRATION_RUNNING);
  }

  static Progress ofRollback(Console console, boolean toErr) {
    return new Progress(console, toErr, Message.ROLLBACK_RUNNING);
  }

  @Override
  public synchronized void starting(String version, String description, String script) {
    String text = version == null ? Message.REPEATABLE_RUNNING.text(description, script)
        : running.text(version, description, script);
    pending = timer.schedule(() -> line(text), LONG_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void applied(MigrateResult.Applied applied) {
    done(ResultText.applied(applied));
  }

  @Override
  public void rolledBack(RollbackResult.Step step) {
    done(ResultText.rolledBack(step));
  }

  private synchronized void done(String text) {
    if (pending != null) {
      pending.cancel(false);
    }
    line(text);
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
