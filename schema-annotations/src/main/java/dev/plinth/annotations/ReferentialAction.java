package dev.plinth.annotations;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
  /** Reject the change if rows still refer to it (checked at the end of the statement). */
  NO_ACTION,
  /** Reject the change at once. */
  RESTRICT,
  /** Delete or update the referring rows too. */
  CASCADE,
  /** Set the referring columns to NULL. */
  SET_NULL,
  /** Set the referring columns to their defaults. */
  SET_DEFAULT
}
