package dev.plinth.annotations;

/** The commands a {@link Policy} applies to. */
public enum PolicyCommand {
  /** Every command. */
  ALL,
  /** Reading rows ({@code using} only). */
  SELECT,
  /** New rows ({@code withCheck} only). */
  INSERT,
  /** Changed rows: {@code using} picks the rows, {@code withCheck} checks their new values. */
  UPDATE,
  /** Deleted rows ({@code using} only). */
  DELETE
}
