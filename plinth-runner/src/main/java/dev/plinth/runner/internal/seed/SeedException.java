package dev.plinth.runner.internal.seed;

/** Seeding failed; the transaction was rolled back, so no seed row was left behind. */
public final class SeedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SeedException(String message) {
    super(message);
  }

  public SeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
