package dev.plinth.processor.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * Asks the file manager, through the Filer, whether the class or source file of a class of the
 * compile's own code is there, without having javac load the class: a look-up of a class that is
 * not there searches every entry of the paths, and one that is there reads its class file.
 */
public final class ClassFiles {
  /** Where javac finds a class of the compile's own code: compiled, or as a source (also on the class path). */
  private static final List<Map.Entry<StandardLocation, String>> PLACES = List.of(
      Map.entry(StandardLocation.CLASS_PATH, ".class"), Map.entry(StandardLocation.CLASS_PATH, ".java"),
      Map.entry(StandardLocation.SOURCE_PATH, ".java"));

  private final Filer filer;

  public ClassFiles(Filer filer) {
    this.filer = filer;
  }

  /**
   * Whether the class file of {@code binaryName} ({@code a.b.Outer$Inner}) is on the class path;
   * false also when the file manager cannot tell.
   */
  public boolean compiled(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    return found(StandardLocation.CLASS_PATH, dot < 0 ? "" : binaryName.substring(0, dot),
        binaryName.substring(dot + 1) + ".class") == Boolean.TRUE;
  }

  /**
   * Whether top-level class {@code name} is neither compiled on the class path nor a source on the
   * source or class path: then there is nothing to look up. When the file manager cannot tell, it
   * is not certainly absent.
   */
  public boolean certainlyAbsent(String name) {
    int dot = name.lastIndexOf('.');
    String pkg = dot < 0 ? "" : name.substring(0, dot);
    String simple = name.substring(dot + 1);
    for (Map.Entry<StandardLocation, String> place : PLACES) {
      if (found(place.getKey(), pkg, simple + place.getValue()) != Boolean.FALSE) {
        return false;
      }
    }
    return true;
  }

  /** True when the file is there, false when it is not, null when the file manager cannot tell. */
  private Boolean found(StandardLocation location, String pkg, String file) {
    try {
      filer.getResource(location, pkg, file);
      return true;
    } catch (FileNotFoundException e) {
      return false;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
