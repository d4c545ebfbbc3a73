package dev.plinth.cli.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;

/**
 * The PostgreSQL binaries a data directory's server was started from, noted so that the next start
 * can skip zonky's preparation of them.
 *
 * <p>zonky unpacks the bundled archive once, into a folder named by the archive's MD5, but to find
 * that folder it reads and hashes the whole archive (about 15 MB) at every start, after running a
 * script to detect the Linux distribution and, as root, two processes to probe user namespaces.
 * When zonky has started a server, Plinth notes the folder, whether postgres ran in a user namespace,
 * and the archive it was unpacked from as the class path holds it: its resource name, its URL, and
 * the size and CRC-32 that the jar's directory lists (read without reading the archive). While those
 * are unchanged and the folder is complete, the server starts from it directly
 * ({@link Postmaster}); anything else goes through zonky as before, which notes the binaries again.
 */
final class Binaries {

  /** The note, in the data directory. */
  static final String NOTE = "plinth-binaries";

  /**
   * The archive zonky unpacked, as found on the class path.
   *
   * @param resource its resource name, e.g. {@code postgres-linux-x86_64.txz}
   * @param url where the class path holds it, e.g. {@code jar:file:/app/plinth.jar!/postgres-linux-x86_64.txz}
   * @param size its size, as the jar's directory lists it
   * @param crc its CRC-32, as the jar's directory lists it
   * @param shadowed the distribution's own archive name that was not on the class path (zonky would take it
   *     first), or empty
   */
  record Archive(String resource, String url, long size, long crc, String shadowed) {}

  /**
   * Binaries ready to run.
   *
   * @param home the folder zonky unpacked them into, holding {@code bin/pg_ctl}
   * @param userNamespace whether zonky ran them in a user namespace ({@code unshare -U}, as root)
   */
  record Noted(Archive archive, Path home, boolean userNamespace) {
    Path bin(String program) {
      return home.resolve("bin").resolve(program + (isWindows() ? ".exe" : ""));
    }
  }

  private Binaries() {}

  /**
   * The binaries noted for {@code data}, if the class path still holds the archive they came from,
   * unchanged, and they are all there (zonky's {@code .exists} mark and the programs).
   */
  static Optional<Noted> noted(Path data, ClassLoader classLoader) {
    Optional<Noted> noted = read(data.resolve(NOTE));
    return noted.filter(n -> n.archive().equals(archive(classLoader, n.archive().resource(), n.archive().shadowed())
        .orElse(null)) && isComplete(n));
  }

  /** Notes for {@code data} the binaries at {@code home}, unpacked from {@code archive}. */
  static void note(Path data, Archive archive, Path home, boolean userNamespace) throws IOException {
    Files.writeString(data.resolve(NOTE), "resource=" + archive.resource() + "\nurl=" + archive.url() + "\nsize="
        + archive.size() + "\ncrc=" + archive.crc() + "\nshadowed=" + archive.shadowed() + "\nhome=" + home
        + "\nuser-namespace=" + userNamespace + "\n");
  }

  /** Forgets the note of {@code data}: the next start goes through zonky. */
  static void forget(Path data) {
    try {
      Files.deleteIfExists(data.resolve(NOTE));
    } catch (IOException e) {
      // Checked against the class path and the folder before it is believed.
    }
  }

  /** Whether zonky runs the binaries in a user namespace (known once zonky has prepared them in this JVM). */
  static boolean userNamespace() {
    return LinuxUtils.isUnshareAvailable();
  }

  private static boolean isComplete(Noted noted) {
    return Files.isRegularFile(noted.home().resolve(".exists")) && Files.isExecutable(noted.bin("pg_ctl"))
        && Files.isExecutable(noted.bin("postgres"));
  }

  private static Optional<Noted> read(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      Archive archive = new Archive(value(lines, "resource"), value(lines, "url"), Long.parseLong(value(lines, "size")),
          Long.parseLong(value(lines, "crc")), value(lines, "shadowed"));
      return Optional.of(new Noted(archive, Path.of(value(lines, "home")),
          Boolean.parseBoolean(value(lines, "user-namespace"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String value(List<String> lines, String key) {
    return lines.stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst()
        .orElseThrow();
  }

  /**
   * The archive {@code resource} as the class path holds it, if it is there once, in a jar, and
   * {@code shadowed} (when given) is not there.
   */
  private static Optional<Archive> archive(ClassLoader classLoader, String resource, String shadowed) {
    try {
      if (!shadowed.isEmpty() && classLoader.getResource(shadowed) != null) {
        return Optional.empty();
      }
      List<URL> urls = Collections.list(classLoader.getResources(resource));
      if (urls.size() != 1) {
        return Optional.empty();
      }
      URLConnection connection = urls.get(0).openConnection();
      if (!(connection instanceof JarURLConnection jar)) {
        return Optional.empty();
      }
      JarEntry entry = jar.getJarEntry();
      if (entry.getSize() < 0 || entry.getCrc() < 0) {
        return Optional.empty();
      }
      return Optional.of(new Archive(resource, urls.get(0).toString(), entry.getSize(), entry.getCrc(), shadowed));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }

  /**
   * zonky's resolver, which also tells which archive it gave zonky: the distribution's own
   * ({@code postgres-linux-x86_64-alpine_linux.txz}) if the class path has it, else the system's
   * ({@code postgres-linux-x86_64.txz}), named as zonky's default resolver names them. Anything
   * else (e.g. zonky's fallback to x86_64 binaries on ARM) is left to that resolver, and then
   * nothing is noted.
   */
  static final class Resolver implements PgBinaryResolver {
    private final ClassLoader classLoader;
    private volatile Archive chosen;

    Resolver(ClassLoader classLoader) {
      this.classLoader = classLoader;
    }

    /** The archive zonky was given, if this resolver found it itself. */
    Optional<Archive> chosen() {
      return Optional.ofNullable(chosen);
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
      String prefix = "postgres-" + system + "-" + ArchUtils.normalize(machineHardware);
      String distribution = LinuxUtils.getDistributionName();
      String own = distribution == null || distribution.isBlank() ? "" : name(prefix + "-" + distribution);
      Optional<Archive> found = !own.isEmpty() && classLoader.getResource(own) != null
          ? archive(classLoader, own, "")
          : archive(classLoader, name(prefix), own);
      if (found.isEmpty()) {
        return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
      }
      chosen = found.get();
      return new URL(chosen.url()).openStream();
    }

    /** As zonky's default resolver names archives: lower case, spaces as underscores. */
    private static String name(String stem) {
      return (stem + ".txz").replace(' ', '_').toLowerCase(Locale.ROOT);
    }
  }
}
