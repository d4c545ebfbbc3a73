package dev.plinth.annotations;

/** The privileges a {@link Grant} gives on a table or view. */
public enum Privilege {
  SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER
}
