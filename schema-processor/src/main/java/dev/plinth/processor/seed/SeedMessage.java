package dev.plinth.processor.seed;

import java.util.Locale;

/** The messages of seed generation and seed set indexing, with their ids (PLN5xx) and fixes. */
enum SeedMessage {
  NOT_A_SEED_SOURCE("PLN500",
      "@SeedSet is on %s, which does not implement SeedSource<Seeds>. Declare it as"
          + " `public final class %s implements SeedSource<Seeds>` with the Seeds class generated"
          + " in the package of your @Table records."),
  NOT_INSTANTIABLE("PLN501",
      "Seed set %s must be a public, non-abstract top-level or static nested class with a public"
          + " no-argument constructor, so that the runner can create it."),
  NO_ENVIRONMENT("PLN502",
      "@SeedSet on %s names no environment. Add one, such as @SeedSet(env = {\"dev\", \"test\"})."),
  WRITE_FAILED("PLN503", "Cannot write %s: %s");

  private final String id;
  private final String template;

  SeedMessage(String id, String template) {
    this.id = id;
    this.template = template;
  }

  String format(Object... args) {
    return "[" + id + "] " + String.format(Locale.ROOT, template, args);
  }
}
