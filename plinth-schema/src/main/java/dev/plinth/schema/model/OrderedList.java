package dev.plinth.schema.model;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list that is in order by construction, so that {@link Schema} need not check it
 * again: folding a journal edits one table per change, and checking a thousand names per change
 * made the fold quadratic in comparisons.
 */
final class OrderedList<T> extends AbstractList<T> implements RandomAccess {
  private final Object[] items;

  private OrderedList(Object[] items) {
    this.items = items;
  }

  /**
   * {@code sorted} with {@code item} at {@code index}: replacing the item there when
   * {@code replace}, else inserted before it. The caller found {@code index} by binary search.
   */
  static <T> List<T> with(List<T> sorted, int index, T item, boolean replace) {
    Object[] copy = new Object[sorted.size() + (replace ? 0 : 1)];
    for (int i = 0; i < index; i++) {
      copy[i] = sorted.get(i);
    }
    copy[index] = Objects.requireNonNull(item, "item");
    for (int i = replace ? index + 1 : index; i < sorted.size(); i++) {
      copy[replace ? i : i + 1] = sorted.get(i);
    }
    return new OrderedList<>(copy);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get(int index) {
    return (T) items[index];
  }

  @Override
  public int size() {
    return items.length;
  }
}
