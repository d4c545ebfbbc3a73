package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An index.
 *
 * @param method the access method in lower case ({@code btree}, {@code gin}, ...)
 * @param where the predicate of a partial index, or null
 * @param concurrently whether it is built and dropped {@code CONCURRENTLY}
 * @param nullsNotDistinct whether a unique index counts NULLs as equal ({@code NULLS NOT DISTINCT},
 *     PostgreSQL 15+); absent (false) from entries written before it existed
 * @param with its storage parameters as {@code name=value}, by name ({@code fillfactor=70});
 *     absent (empty) from entries written before it existed
 * @param tablespace the tablespace it is stored in, or null for the database's default
 */
@JsonPropertyOrder({"name", "keys", "unique", "method", "where", "include", "concurrently",
    "nullsNotDistinct", "with", "tablespace"})
public record Index(
    @JsonProperty("name") String name,
    @JsonProperty("keys") List<IndexKey> keys,
    @JsonProperty("unique") boolean unique,
    @JsonProperty("method") String method,
    @JsonProperty("where") String where,
    @JsonProperty("include") List<String> include,
    @JsonProperty("concurrently") boolean concurrently,
    @JsonProperty("nullsNotDistinct") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    boolean nullsNotDistinct,
    @JsonProperty("with") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> with,
    @JsonProperty("tablespace") @JsonInclude(JsonInclude.Include.NON_NULL) String tablespace)
    implements Named {

  public Index {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    keys = List.copyOf(keys);
    include = List.copyOf(include);
    with = with == null ? List.of() : with.stream().map(Index::storageParameter)
        .sorted(Comparator.comparing(Index::parameterName)).toList();
  }

  public Index(String name, List<IndexKey> keys, boolean unique, String method, String where,
      List<String> include, boolean concurrently) {
    this(name, keys, unique, method, where, include, concurrently, false, List.of(), null);
  }

  public Index withName(String newName) {
    return new Index(newName, keys, unique, method, where, include, concurrently, nullsNotDistinct,
        with, tablespace);
  }

  /** The same index on other keys, predicate and included columns (after a column rename). */
  public Index withParts(List<IndexKey> newKeys, String newWhere, List<String> newInclude) {
    return new Index(name, newKeys, unique, method, newWhere, newInclude, concurrently,
        nullsNotDistinct, with, tablespace);
  }

  public Index withConcurrently(boolean newConcurrently) {
    return new Index(name, keys, unique, method, where, include, newConcurrently, nullsNotDistinct,
        with, tablespace);
  }

  /** The same index with other storage parameters and tablespace (changed in place). */
  public Index withStorage(List<String> newWith, String newTablespace) {
    return new Index(name, keys, unique, method, where, include, concurrently, nullsNotDistinct,
        newWith, newTablespace);
  }

  /** {@code name=value} as PostgreSQL lists it in {@code reloptions}: {@code " FillFactor = 70"} is {@code fillfactor=70}. */
  public static String storageParameter(String written) {
    int equals = written.indexOf('=');
    if (equals < 0) {
      return written.strip().toLowerCase(Locale.ROOT);
    }
    return written.substring(0, equals).strip().toLowerCase(Locale.ROOT) + "="
        + written.substring(equals + 1).strip();
  }

  /** The name of a {@code name=value} storage parameter. */
  public static String parameterName(String parameter) {
    int equals = parameter.indexOf('=');
    return equals < 0 ? parameter : parameter.substring(0, equals);
  }
}
