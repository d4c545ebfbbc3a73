package dev.plinth.cli.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The files Plinth keeps in (and next to) the embedded server's data directory: the password, the
 * record of a running server, PostgreSQL's own {@code postmaster.pid} and {@code pg_hba.conf}.
 * Files holding secrets are created owner-only (POSIX 0600) before anything is written to them.
 */
final class ServerFiles {

  /** The superuser's password, one line. */
  static final String PASSWORD = "plinth-password";
  /** The running server: {@code port=}, {@code pid=}, {@code mode=dev|command}, {@code password-file=}. */
  static final String STATE = "plinth-server";

  /** Password authentication for every connection, TCP on loopback only (listen_addresses does the rest). */
  static final String HBA = """
      # Written by Plinth: every connection needs the password in plinth-password (SCRAM); loopback only.
      local   all   all                  scram-sha-256
      host    all   all   127.0.0.1/32   scram-sha-256
      host    all   all   ::1/128        scram-sha-256
      """;

  private ServerFiles() {}

  /** How a running server was started: kept running ({@code plinth server start}) or for one command. */
  enum Mode { DEV, COMMAND }

  /** What {@link #STATE} records. */
  record State(int port, long pid, Mode mode) {}

  /** A new password: 24 random bytes, URL-safe Base64 (no quote, so it needs no escaping in SQL). */
  static String newPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes); // not a static: most runs never need one
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static Optional<String> password(Path data) {
    Path file = data.resolve(PASSWORD);
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static void writePassword(Path data, String password) throws IOException {
    writeOwnerOnly(data.resolve(PASSWORD), password + "\n");
  }

  /** Whether {@code pg_hba.conf} is Plinth's (a cluster from before passwords still trusts everyone). */
  static boolean passwordRequired(Path data) {
    try {
      return HBA.equals(Files.readString(data.resolve("pg_hba.conf")));
    } catch (IOException e) {
      return false;
    }
  }

  static void writeHba(Path data) throws IOException {
    Files.writeString(data.resolve("pg_hba.conf"), HBA);
  }

  static Optional<State> state(Path data) {
    try {
      List<String> lines = Files.readAllLines(data.resolve(STATE));
      return Optional.of(new State(Integer.parseInt(value(lines, "port")), Long.parseLong(value(lines, "pid")),
          Mode.valueOf(value(lines, "mode").toUpperCase(Locale.ROOT))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static void writeState(Path data, State state) throws IOException {
    writeOwnerOnly(data.resolve(STATE), "port=" + state.port() + "\npid=" + state.pid() + "\nmode="
        + state.mode().name().toLowerCase(Locale.ROOT) + "\npassword-file=" + PASSWORD + "\n");
  }

  static void deleteState(Path data) {
    try {
      Files.deleteIfExists(data.resolve(STATE));
    } catch (IOException e) {
      // A stale record is checked against the live server before it is believed.
    }
  }

  /** PostgreSQL's own record of its postmaster: pid (line 1) and port (line 4). */
  static Optional<State> postmaster(Path data) {
    try {
      return Optional.of(postmaster(Files.readAllLines(data.resolve("postmaster.pid"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The postmaster of {@code data} once its {@code postmaster.pid} says that it accepts connections
   * (line 8, {@code ready}, written since PostgreSQL 10).
   */
  static Optional<State> ready(Path data) {
    try {
      List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
      return lines.size() > 7 && lines.get(7).strip().equals("ready") ? Optional.of(postmaster(lines))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static State postmaster(List<String> lines) {
    return new State(Integer.parseInt(lines.get(3).strip()), Long.parseLong(lines.get(0).strip()), Mode.COMMAND);
  }

  private static String value(List<String> lines, String key) {
    return lines.stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst()
        .orElseThrow();
  }

  /** Writes {@code text} to a new owner-only file and moves it over {@code file}, so no reader sees half of it. */
  private static void writeOwnerOnly(Path file, String text) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(temporary);
    try {
      Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(temporary); // not POSIX (Windows): the data directory's own ACL applies
    }
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
