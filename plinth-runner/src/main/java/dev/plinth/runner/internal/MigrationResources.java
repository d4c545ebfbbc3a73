package dev.plinth.runner.internal;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import dev.plinth.schema.journal.JournalCodec;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.journal.SumFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files next to Flyway's locations: a location {@code .../db/migration} has its reverse
 * scripts in {@code .../db/rollback}, its journal in {@code .../db/schema} and its integrity sum in
 * {@code .../db/plinth.sum}. Paths are relative to that {@code db} folder, as in the sum file.
 */
public final class MigrationResources {

  public static final String SUM_FILE = SumFile.SUM_FILE;


  private final List<String> roots;
  private final ClassLoader classLoader;

  public MigrationResources(List<String> locations, ClassLoader classLoader) {
    this.roots = locations.stream().map(MigrationResources::root).toList();
    this.classLoader = classLoader;
  }

  /** {@code V3__add_x.sql} to {@code rollback/U3__add_x.sql} (the layout is {@link MigrationsFolder}'s). */
  public static String reverseOf(String script) {
    return MigrationsFolder.reverseOf(script);
  }

  /** {@code V3__add_x.sql} to {@code schema/V3__add_x.json}. */
  public static String journalOf(String script) {
    return MigrationsFolder.journalOf(script);
  }

  /** {@code V3__add_x.sql} to {@code migration/V3__add_x.sql}. */
  public static String forwardOf(String script) {
    return MigrationsFolder.forwardOf(script);
  }

  public static String fileName(String path) {
    return MigrationsFolder.fileName(path);
  }

  /**
   * The first of the roots that has {@code relative}, read as UTF-8. A file that cannot be read, or
   * is not UTF-8, is a {@link PlinthException} naming it ({@link FolderCheck} reports the same up front).
   */
  public Optional<String> read(String relative) {
    try {
      Optional<Text> text = text(relative);
      if (text.isPresent() && text.get().malformedAt() >= 0) {
        throw new PlinthException(Message.FILE_NOT_UTF8, shown(relative), text.get().malformedAt());
      }
      return text.map(Text::text);
    } catch (IOException e) {
      throw new PlinthException(e, Message.FILE_UNREADABLE, shown(relative), reason(e));
    }
  }

  /**
   * A file's text, or (text null) the offset of its first byte that is not UTF-8.
   *
   * @param malformedAt -1 when every byte is UTF-8
   */
  record Text(String text, int malformedAt) {}

  /** The first of the roots that has {@code relative}, decoded strictly as UTF-8. */
  Optional<Text> text(String relative) throws IOException {
    Optional<byte[]> bytes = bytes(relative);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    int malformed = malformedAt(bytes.get());
    return Optional.of(new Text(malformed < 0 ? new String(bytes.get(), StandardCharsets.UTF_8) : null, malformed));
  }

  /** The bytes of the first of the roots that has {@code relative}. */
  Optional<byte[]> bytes(String relative) throws IOException {
    for (String root : roots) {
      if (root.startsWith("filesystem:")) {
        Path file = Path.of(root.substring("filesystem:".length())).resolve(relative);
        if (Files.isRegularFile(file)) {
          return Optional.of(Files.readAllBytes(file));
        }
      } else {
        URL resource = classLoader.getResource(root.isEmpty() ? relative : root + "/" + relative);
        if (resource != null) {
          try (InputStream in = resource.openStream()) {
            return Optional.of(in.readAllBytes());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Where {@code relative} is, for messages: a path on disk, or the classpath resource. */
  String shown(String relative) {
    for (String root : roots) {
      if (root.startsWith("filesystem:")) {
        Path file = Path.of(root.substring("filesystem:".length())).resolve(relative);
        if (Files.exists(file) || roots.size() == 1) {
          return file.toString();
        }
      } else if (classLoader.getResource(root.isEmpty() ? relative : root + "/" + relative) != null
          || roots.size() == 1) {
        return "classpath:" + (root.isEmpty() ? relative : root + "/" + relative);
      }
    }
    return relative;
  }

  /**
   * The offset of the first byte that is not valid UTF-8, or -1 when all of them are (a strict
   * decoder: Java's {@code String} constructor would silently replace what it cannot decode).
   */
  static int malformedAt(byte[] bytes) {
    int i = 0;
    while (i < bytes.length && bytes[i] >= 0) {
      i++; // ASCII, as generated SQL mostly is: nothing to decode
    }
    if (i == bytes.length) {
      return -1;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(Math.max(16, Math.min(bytes.length, 8192)));
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return in.position();
      }
      if (result.isUnderflow()) {
        result = decoder.flush(out);
        return result.isError() ? in.position() : -1;
      }
      out.clear();
    }
  }

  /** Why a file or folder could not be read, in words. */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied for user '" + System.getProperty("user.name") + "'";
    }
    if (e instanceof java.nio.file.NotDirectoryException) {
      return "it is a file, not a folder";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
        + e.getMessage();
  }

  /** Whether one of the roots has {@code relative}, without reading it. */
  public boolean has(String relative) {
    return roots.stream().anyMatch(root -> root.startsWith("filesystem:")
        ? Files.isRegularFile(Path.of(root.substring("filesystem:".length())).resolve(relative))
        : classLoader.getResource(root.isEmpty() ? relative : root + "/" + relative) != null);
  }

  /**
   * Whether a script is written to be run again after a failure: its journal entry says so (for
   * messages only; a journal that cannot be read is reported where the journal is needed).
   */
  public boolean resumable(String script) {
    try {
      return read(journalOf(script)).map(json -> JournalCodec.read(json).resumable()).orElse(false);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether a script runs outside a transaction: its forward script's {@code .conf} says so. */
  public boolean nonTransactional(String script) {
    return read(MigrationsFolder.confOf(script)).map(MigrationsFolder::nonTransactional).orElse(false);
  }

  /**
   * The file names in {@code dir} under every root; {@code complete} is false when a classpath
   * root could not be listed (a resource in a kind of archive this does not read).
   */
  record Listing(SortedSet<String> names, boolean complete) {}

  /** The names of the regular files in {@code dir} of every root, sorted; a folder that cannot be listed throws. */
  Listing names(String dir) throws IOException {
    SortedSet<String> names = new TreeSet<>();
    boolean complete = true;
    for (String root : roots) {
      if (root.startsWith("filesystem:")) {
        Path folder = Path.of(root.substring("filesystem:".length())).resolve(dir);
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
          throw new java.nio.file.NotDirectoryException(folder.toString());
        }
        if (!Files.isDirectory(folder)) {
          continue;
        }
        try (Stream<Path> list = Files.list(folder)) {
          list.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
              .filter(name -> !name.startsWith(".")).forEach(names::add);
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        continue;
      }
      String prefix = root.isEmpty() ? dir : root + "/" + dir;
      for (URL url : java.util.Collections.list(classLoader.getResources(prefix))) {
        complete &= listClasspath(url, prefix, names);
      }
    }
    return new Listing(names, complete);
  }

  /** Adds the files directly in a classpath folder; false when its kind of URL cannot be listed. */
  private static boolean listClasspath(URL url, String prefix, SortedSet<String> names) throws IOException {
    if ("file".equals(url.getProtocol())) {
      try (Stream<Path> list = Files.list(Path.of(url.toURI()))) {
        list.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).forEach(names::add);
        return true;
      } catch (URISyntaxException | IllegalArgumentException e) {
        return false;
      }
    }
    URLConnection connection = url.openConnection();
    if (connection instanceof JarURLConnection jar) {
      jar.setUseCaches(false);
      try (JarFile file = jar.getJarFile()) {
        String folder = prefix + "/";
        for (JarEntry entry : java.util.Collections.list(file.entries())) {
          String name = entry.getName();
          if (!entry.isDirectory() && name.startsWith(folder) && name.indexOf('/', folder.length()) < 0) {
            names.add(name.substring(folder.length()));
          }
        }
      }
      return true;
    }
    return false;
  }

  /** The filesystem folders of the roots (the folder holding migration/, rollback/, schema/). */
  List<Path> folders() {
    return roots.stream().filter(r -> r.startsWith("filesystem:"))
        .map(r -> Path.of(r.substring("filesystem:".length()))).toList();
  }

  /** {@code classpath:db/migration} to {@code db}; {@code filesystem:/x/db/migration} to {@code filesystem:/x/db}. */
  private static String root(String location) {
    if (location.startsWith("filesystem:")) {
      Path path = Path.of(location.substring("filesystem:".length())).toAbsolutePath().normalize();
      Path parent = path.getParent();
      return "filesystem:" + (parent == null ? path : parent);
    }
    String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
    List<String> parts = new ArrayList<>(List.of(path.split("/")));
    parts.removeIf(String::isEmpty);
    if (!parts.isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    return String.join("/", parts);
  }
}
