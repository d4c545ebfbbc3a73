package dev.plinth.seed;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link SeedSource} as a seed set: rows that the runner inserts into the environments
 * named by {@link #env()}.
 *
 * <pre>{@code
 * @SeedSet(env = {"dev", "test"}, order = 10)
 * public final class Organizations implements SeedSource<Seeds> {
 *   public void seed(Seeds db) {
 *     Ref<Organization> acme = db.organization().insert("Acme", "acme");
 *     db.form().insert(acme, "contact", "Contact us");
 *   }
 * }
 * }</pre>
 *
 * <p>The processor lists every seed set in the class output resource {@value #INDEX}, which the
 * runner reads; the class needs a public no-argument constructor. Seed sets of an environment run
 * by ascending {@link #order()}, then by class name; the rows they add are then inserted together,
 * parents before children, in one transaction.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SeedSet {
  /** The index resource the processor writes: one seed set per line. */
  String INDEX = "META-INF/plinth/seed-sets";

  /**
   * The environments this seed set belongs to, such as {@code "dev"}, {@code "test"} or
   * {@code "demo"}. Example: {@code @SeedSet(env = {"dev", "test"})}.
   */
  String[] env();

  /**
   * Where the seed set runs among those of the same environment: lower first, ties broken by class
   * name. It only orders the calls, which matters when a seed set reads what an earlier one added;
   * insertion order always follows the foreign keys. Example: {@code @SeedSet(env = "dev", order = 20)}.
   */
  int order() default 0;
}
