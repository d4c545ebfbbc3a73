package dev.plinth.testing;

/** The bench's handle on plinth-testing's pool of template copies (package-private there). */
public final class BenchClonePool implements AutoCloseable {
  /** The copies plinth-testing's extension keeps ahead. */
  public static final int AHEAD = ClonePool.AHEAD;

  private final ClonePool pool;

  /** Copies of {@code template} on the server of {@code url} (user {@code user}, no password), {@code depth} ahead. */
  public BenchClonePool(String url, String user, String template, int depth) {
    this.pool = new ClonePool(TestServer.fromUrl(url, user, null), template, depth, "bench_pool_" + template + "_");
  }

  /** The copy a test gets, as {@code @PlinthDatabase} hands it to the test. */
  public TestDatabase take() {
    return pool.take();
  }

  /** Gives a copy back at the test's end, as {@code @PlinthDatabase} does (dropped in the background). */
  public void release(TestDatabase database) {
    pool.release(database);
  }

  /** Waits until the copies ahead are made and the copies given back are dropped. */
  public void awaitIdle() {
    pool.awaitIdle();
  }

  @Override
  public void close() {
    pool.close();
  }
}
