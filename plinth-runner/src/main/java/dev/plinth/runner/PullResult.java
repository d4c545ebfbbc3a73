package dev.plinth.runner;

import dev.plinth.schema.pull.Unsupported;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Plinth#pull} wrote: records and enums for the live schema, the baseline migration
 * that creates that schema for new environments, and the hand-written migration (with
 * {@code plinth.external}) that recreates what the records cannot say, if there is any.
 *
 * @param tables how many tables the records describe
 * @param enums how many enum types the Java enums describe
 * @param sources the source files written, in path order
 * @param migrations the function bodies written among the resources (in the folder that holds the
 *     migrations folder), then the files written into the migrations folder, each in path order
 * @param baselineVersion the version of the newest migration written, the one {@code baseline} records:
 *     {@code "1"}, or {@code "2"} when pull also wrote the hand-written {@code V2__not_modelled} for
 *     what the records cannot say
 * @param unsupported what the records cannot say as it is, each with the reason and what was
 *     written instead; empty when the records and the baseline describe the database exactly
 */
public record PullResult(int tables, int enums, List<Path> sources, List<Path> migrations,
    String baselineVersion, List<Unsupported> unsupported) {

  public PullResult {
    sources = List.copyOf(sources);
    migrations = List.copyOf(migrations);
    unsupported = List.copyOf(unsupported);
  }
}
