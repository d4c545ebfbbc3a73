package dev.plinth.schema.pull;

import dev.plinth.schema.journal.ExternalObjects;

/**
 * The hand-written migration that pull writes after the baseline: what the database has and the
 * schema model cannot say, recreated from PostgreSQL's own definitions.
 *
 * @param forward the forward script
 * @param reverse its reverse, which drops it all again, newest first
 * @param external what it creates, for {@code plinth.external}
 */
public record NotModelled(String forward, String reverse, ExternalObjects external) {
  /** The slug of its files: {@code V2__not_modelled.sql}. */
  public static final String SLUG = "not_modelled";
}
