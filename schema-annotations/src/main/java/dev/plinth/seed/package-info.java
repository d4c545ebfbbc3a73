/**
 * The seed runtime: what seed sets and the builders generated for them compile against. A seed set
 * is a {@link dev.plinth.seed.SeedSource} annotated with {@link dev.plinth.seed.SeedSet}; it adds
 * rows through the generated {@code Seeds} entry point, and the runner inserts them. No
 * dependencies beyond the JDK.
 */
package dev.plinth.seed;
