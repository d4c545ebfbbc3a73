package dev.plinth.seed;

/**
 * The body of a seed set: adds rows through the generated, typed entry point {@code D} (the
 * {@code Seeds} class the processor generates in the package of the {@code @Table} records).
 * Annotate the implementation with {@link SeedSet}.
 *
 * @param <D> the generated entry point, such as {@code com.example.schema.Seeds}
 */
@FunctionalInterface
public interface SeedSource<D extends SeedDb> {
  /** Adds this seed set's rows; nothing is written to the database until every seed set has run. */
  void seed(D db);
}
