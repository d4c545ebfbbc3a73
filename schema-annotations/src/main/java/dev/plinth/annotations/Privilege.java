package dev.plinth.annotations;

/**
 * The privileges a {@link Grant} gives on a table or view, or (with {@link Grant#sequence()}) on a
 * sequence: {@code USAGE}, {@code SELECT}, {@code UPDATE}, or (with {@link Grant#function()}) on a
 * function: {@code EXECUTE}.
 */
public enum Privilege {
  SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER,
  /** On a sequence only: {@code nextval} and {@code currval}. */
  USAGE,
  /** On a function only: calling it. */
  EXECUTE
}
