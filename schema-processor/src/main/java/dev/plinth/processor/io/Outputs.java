package dev.plinth.processor.io;

import dev.plinth.schema.journal.MigrationsFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes generated files into the migrations folder and, through the Filer, into the class
 * output: Maven copies resources before it compiles, so a file generated during this compile
 * would otherwise be missing from this build's jar. Nothing is written before {@link #commit()},
 * which writes all of a compile's files or none.
 */
public final class Outputs {
  private final MigrationsFolder folder;
  private final Filer filer;
  private final String resourcePath;
  private final Map<String, String> written = new TreeMap<>();

  public Outputs(MigrationsFolder folder, Filer filer, String resourcePath) {
    this.folder = folder;
    this.filer = filer;
    this.resourcePath = resourcePath;
  }

  public void write(String relative, String content) {
    folder.write(relative, content);
    written.put(relative, content);
  }

  /** Whether anything waits to be written or deleted. */
  public boolean hasPending() {
    return folder.hasPending();
  }

  /**
   * Puts the pending files (and deletions) into the migrations folder, all or none, then copies
   * the written ones to the class output. Throws {@link MigrationsFolder.WriteFailure} when the
   * folder cannot take them; it is then as it was.
   */
  public void commit() {
    folder.commit();
    written.forEach(this::copyToClassOutput);
    written.clear();
  }

  private void copyToClassOutput(String relative, String content) {
    String path = resourcePath + "/" + relative;
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
      try (Writer writer = file.openWriter()) {
        writer.write(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + " to the class output", e);
    }
  }
}
