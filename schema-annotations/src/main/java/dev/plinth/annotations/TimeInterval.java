package dev.plinth.annotations;

/** The length of each partition that {@link TimePartitions} declares. */
public enum TimeInterval {
  /** One day: partitions named {@code <table>_yyyy_mm_dd}. */
  DAY,
  /** Seven days from the start date: partitions named {@code <table>_yyyy_mm_dd}. */
  WEEK,
  /** One calendar month: partitions named {@code <table>_yyyy_mm}. */
  MONTH,
  /** One calendar year: partitions named {@code <table>_yyyy}. */
  YEAR
}
