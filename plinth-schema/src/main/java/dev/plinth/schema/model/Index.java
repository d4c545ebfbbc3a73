package dev.plinth.schema.model;

import java.util.List;
import java.util.Objects;

/**
 * An index.
 *
 * @param method the access method in lower case ({@code btree}, {@code gin}, ...)
 * @param where the predicate of a partial index, or null
 * @param concurrently whether it is built and dropped {@code CONCURRENTLY}
 */
public record Index(
    String name,
    List<IndexKey> keys,
    boolean unique,
    String method,
    String where,
    List<String> include,
    boolean concurrently)
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
