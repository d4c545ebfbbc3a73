package dev.plinth.cli;

import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Loads and initialises, on a second thread, what a database command needs next while the main
 * thread parses the command line: the JDBC driver, the cryptography of a SCRAM login, and Flyway's
 * configuration. A command line process spends most of its first second loading classes, one
 * core at a time; this puts the other core to work. Nothing here is a result: the main thread
 * does all of it again, finding it done (or waiting for the class this thread is initialising).
 */
final class Warmup extends Thread {

  private Warmup() {
    super("plinth-warmup");
    setDaemon(true);
  }

  /** Starts the warm-up on a daemon thread, which never delays the end of the process. */
  static void begin() {
    new Warmup().start();
  }

  @Override
  public void run() {
    try {
      Class.forName("org.postgresql.Driver", true, Warmup.class.getClassLoader());
      // What pgjdbc's SCRAM-SHA-256 login uses: a nonce, SHA-256, HMAC-SHA-256 and PBKDF2 with
      // PostgreSQL's default 4096 iterations (run here once, so the login's own loop is compiled).
      new SecureRandom().nextBytes(new byte[18]);
      MessageDigest.getInstance("SHA-256").digest(new byte[1]);
      Mac.getInstance("HmacSHA256");
      SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec("warm-up".toCharArray(), new byte[16], 4096, 256)).getEncoded();
      java.text.Normalizer.normalize("warm-up", java.text.Normalizer.Form.NFKC);
      org.flywaydb.core.Flyway.configure(Warmup.class.getClassLoader());
    } catch (Exception | LinkageError e) {
      // Only time is at stake: the main thread meets any real problem itself and reports it.
    }
  }
}
