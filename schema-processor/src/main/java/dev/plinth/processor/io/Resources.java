package dev.plinth.processor.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;

/**
 * Reads resource files the records name (function bodies): first from the resources folder that
 * holds the migrations folder ({@code plinth.migrations} less {@code plinth.resourcePath}, so an
 * edit is seen without copying resources first), then through the Filer from the source path, the
 * class output (where a build copies resources before compiling) and the class path.
 */
public final class Resources {
  private static final List<JavaFileManager.Location> LOCATIONS = List.of(
      StandardLocation.SOURCE_PATH, StandardLocation.CLASS_OUTPUT, StandardLocation.CLASS_PATH);

  private final Filer filer;
  private final Path root;

  /**
   * @param migrations the migrations folder, or null
   * @param resourcePath where the migrations folder sits among the resources, e.g. {@code db}
   */
  public Resources(Filer filer, String migrations, String resourcePath) {
    this.filer = filer;
    this.root = migrations == null ? null : resourcesRoot(Path.of(migrations), resourcePath);
  }

  /** The folder that holds {@code migrations} at {@code resourcePath}; null when it does not. */
  static Path resourcesRoot(Path migrations, String resourcePath) {
    Path relative = Path.of(resourcePath.replace('/', java.io.File.separatorChar));
    Path folder = migrations.toAbsolutePath().normalize();
    if (resourcePath.isBlank() || !folder.endsWith(relative)) {
      return null;
    }
    Path root = folder;
    for (int i = 0; i < relative.getNameCount(); i++) {
      root = root.getParent();
    }
    return root;
  }

  /** The text of the resource at {@code path} (relative, with {@code /}), if found. */
  public Optional<String> read(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (root != null) {
      Path file = root.resolve(relative.replace('/', java.io.File.separatorChar));
      if (Files.isRegularFile(file)) {
        try {
          return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          // Looked for elsewhere; reported as not found when nowhere.
        }
      }
    }
    for (JavaFileManager.Location location : LOCATIONS) {
      try {
        FileObject file = filer.getResource(location, "", relative);
        return Optional.of(file.getCharContent(true).toString());
      } catch (IOException | IllegalArgumentException | IllegalStateException e) {
        // Not in this location.
      }
    }
    return Optional.empty();
  }

  /** Where {@link #read} looks, for a message. */
  public String places() {
    List<String> places = new ArrayList<>();
    if (root != null) {
      places.add(root.toString());
    }
    places.add("the source path, the class output and the class path");
    return String.join(", then ", places);
  }
}
