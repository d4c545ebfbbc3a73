package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The sequence behind a serial or identity column. It lives in the column's table's schema. Every
 * part may be null: it is then PostgreSQL's default (for the name, PostgreSQL's choice).
 *
 * @param name the sequence name; for an identity column, null leaves it to PostgreSQL
 * @param start {@code START WITH}
 * @param increment {@code INCREMENT BY}
 * @param minValue {@code MINVALUE}
 * @param maxValue {@code MAXVALUE}
 * @param cache {@code CACHE}
 * @param cycle {@code CYCLE}
 */
@JsonPropertyOrder({"name", "start", "increment", "minValue", "maxValue", "cache", "cycle"})
public record Sequence(
    @JsonProperty("name") String name,
    @JsonProperty("start") Long start,
    @JsonProperty("increment") Long increment,
    @JsonProperty("minValue") Long minValue,
    @JsonProperty("maxValue") Long maxValue,
    @JsonProperty("cache") Long cache,
    @JsonProperty("cycle") Boolean cycle) {

  /** The range of each integer type a sequence can have. */
  private static final Map<String, long[]> RANGES = Map.of(
      "smallint", new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
      "integer", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
      "bigint", new long[] {Long.MIN_VALUE, Long.MAX_VALUE});

  public static Sequence named(String name) {
    return new Sequence(name, null, null, null, null, null, null);
  }

  public Sequence withName(String newName) {
    return new Sequence(newName, start, increment, minValue, maxValue, cache, cycle);
  }

  /** The sequence without its name: the options alone. */
  public Sequence options() {
    return withName(null);
  }

  /** Whether nothing is stated: name and options are PostgreSQL's. */
  public boolean isEmpty() {
    return equals(named(null));
  }

  /**
   * The values in effect for a sequence of {@code type} ({@code smallint}, {@code integer} or
   * {@code bigint}), with PostgreSQL's defaults where nothing is stated.
   */
  public Effective effective(String type) {
    long[] range = RANGES.getOrDefault(type, RANGES.get("bigint"));
    long step = increment == null ? 1 : increment;
    long min = minValue != null ? minValue : step > 0 ? 1 : range[0];
    long max = maxValue != null ? maxValue : step > 0 ? range[1] : -1;
    long first = start != null ? start : step > 0 ? min : max;
    return new Effective(first, step, min, max, cache == null ? 1 : cache, Boolean.TRUE.equals(cycle));
  }

  /**
   * The same sequence with every option that equals PostgreSQL's default for {@code type} left out,
   * so that two spellings of one sequence are equal.
   */
  public Sequence canonical(String type) {
    Effective values = effective(type);
    Effective byIncrement = new Sequence(null, null, values.increment(), null, null, null, null)
        .effective(type);
    Effective byBounds = new Sequence(null, null, values.increment(), values.minValue(),
        values.maxValue(), null, null).effective(type);
    return new Sequence(name,
        values.start() == byBounds.start() ? null : values.start(),
        values.increment() == 1 ? null : values.increment(),
        values.minValue() == byIncrement.minValue() ? null : values.minValue(),
        values.maxValue() == byIncrement.maxValue() ? null : values.maxValue(),
        values.cache() == 1 ? null : values.cache(),
        values.cycle() ? Boolean.TRUE : null);
  }

  /** The smallest and greatest value of {@code type}, or of bigint for another type. */
  public static long[] range(String type) {
    return RANGES.getOrDefault(type, RANGES.get("bigint")).clone();
  }

  /** The values a sequence has in effect. */
  public record Effective(long start, long increment, long minValue, long maxValue, long cache,
      boolean cycle) {
    /** Whether it counts upwards. */
    public boolean ascending() {
      return increment > 0;
    }
  }
}
