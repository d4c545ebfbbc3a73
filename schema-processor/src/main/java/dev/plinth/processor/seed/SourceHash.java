package dev.plinth.processor.seed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash a generated source carries of its own text, to tell an unchanged file from a changed one. */
final class SourceHash {
  private SourceHash() {}

  /** The first 128 bits of the SHA-256 of {@code text} (UTF-8), in hex. */
  static String of(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
