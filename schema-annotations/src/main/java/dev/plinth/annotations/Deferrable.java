package dev.plinth.annotations;

/**
 * Whether a primary key, unique constraint or foreign key may be checked at commit instead of
 * after each statement ({@code DEFERRABLE}), and which of the two it does unless a transaction
 * says otherwise ({@code SET CONSTRAINTS ... DEFERRED | IMMEDIATE}).
 *
 * <pre>{@code
 * @Unique(columns = {"listId", "position"}, deferrable = Deferrable.INITIALLY_DEFERRED)
 * @References(value = Node.class, deferrable = Deferrable.INITIALLY_IMMEDIATE) UUID parentId
 * }</pre>
 */
public enum Deferrable {
  /** Checked after each statement, always (PostgreSQL's default). */
  NOT_DEFERRABLE,
  /** {@code DEFERRABLE}: checked after each statement unless a transaction defers it. */
  INITIALLY_IMMEDIATE,
  /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit unless a transaction says otherwise. */
  INITIALLY_DEFERRED
}
