package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * An index.
 *
 * @param method the access method in lower case ({@code btree}, {@code gin}, ...)
 * @param where the predicate of a partial index, or null
 * @param concurrently whether it is built and dropped {@code CONCURRENTLY}
 */
@JsonPropertyOrder({"name", "keys", "unique", "method", "where", "include", "concurrently"})
public record Index(
    @JsonProperty("name") String name,
    @JsonProperty("keys") List<IndexKey> keys,
    @JsonProperty("unique") boolean unique,
    @JsonProperty("method") String method,
    @JsonProperty("where") String where,
    @JsonProperty("include") List<String> include,
    @JsonProperty("concurrently") boolean concurrently)
    implements Named {

  public Index {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    keys = List.copyOf(keys);
    include = List.copyOf(include);
  }

  public Index withName(String newName) {
    return new Index(newName, keys, unique, method, where, include, concurrently);
  }
}
