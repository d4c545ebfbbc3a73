package dev.plinth.cli.embedded;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password ({@code pg_authid.rolpassword}), made
 * here so that the embedded server's superuser gets one with few iterations. A client computes
 * PBKDF2 with the server's iteration count on every connection (4096 by default), which costs a new
 * JVM tens of milliseconds; the count only slows down guessing a password from its verifier, and the
 * embedded server's password is 192 random bits kept next to the verifier, in the same owner-only
 * data directory. PostgreSQL stores a password given in this form as it is (RFC 5802, RFC 7677).
 */
final class ScramVerifier {
  /** Iterations for the embedded server's superuser. */
  static final int ITERATIONS = 16;

  private ScramVerifier() {}

  /** {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}, with a new random salt. */
  static String of(String password, int iterations) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return of(password, salt, iterations);
  }

  /**
   * The verifier of {@code password} (ASCII, as the embedded server's are, so SASLprep leaves it
   * as it is) with {@code salt}.
   */
  static String of(String password, byte[] salt, int iterations) {
    try {
      SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
      byte[] salted = pbkdf2.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
          .getEncoded();
      byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key"));
      byte[] serverKey = hmac(salted, "Server Key");
      Base64.Encoder base64 = Base64.getEncoder();
      return "SCRAM-SHA-256$" + iterations + ":" + base64.encodeToString(salt) + "$"
          + base64.encodeToString(storedKey) + ":" + base64.encodeToString(serverKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has PBKDF2WithHmacSHA256 and HmacSHA256", e);
    }
  }

  private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
  }
}
