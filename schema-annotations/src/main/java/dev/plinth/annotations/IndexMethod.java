package dev.plinth.annotations;

/** PostgreSQL index access methods, for {@link Index#method()}. */
public enum IndexMethod {
  /** The default: equality and range queries. */
  BTREE,
  /** Equality only. */
  HASH,
  /** Containment in arrays and {@code jsonb}; full text. */
  GIN,
  /** Geometric, range and nearest-neighbour queries. */
  GIST,
  /** Block-range summaries for very large, naturally ordered tables. */
  BRIN
}
