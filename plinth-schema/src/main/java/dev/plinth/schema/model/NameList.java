package dev.plinth.schema.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * An immutable list kept sorted by an order, held as a balanced tree (AVL) shared between versions:
 * {@link #with} and {@link #without} give a new list in O(log n) and leave this one as it is, so
 * that applying a migration's n changes to a schema one by one costs O(n log n), not O(n²) copies
 * of the table list. Reading by index or in order reads an array made once per list, on first use.
 */
final class NameList<T> extends AbstractList<T> implements RandomAccess {
  private record Node<T>(T item, Node<T> left, Node<T> right, int height) {}

  private final Node<T> root;
  private final int size;
  private final Comparator<? super T> order;
  private volatile Object[] items;

  private NameList(Node<T> root, int size, Comparator<? super T> order) {
    this.root = root;
    this.size = size;
    this.order = order;
  }

  /** The list of {@code sorted}, which must be in {@code order} and hold no null. */
  static <T> NameList<T> ofSorted(List<T> sorted, Comparator<? super T> order) {
    Object[] array = sorted.toArray();
    for (Object item : array) {
      Objects.requireNonNull(item);
    }
    NameList<T> list = new NameList<>(build(array, 0, array.length), array.length, order);
    list.items = array;
    return list;
  }

  /** Whether this list is kept in {@code order} (the same comparator object). */
  boolean sortedBy(Comparator<?> order) {
    return this.order == order;
  }

  /** The item for which {@code probe} (the item's order relative to the one sought) is 0, or null. */
  T find(ToIntFunction<? super T> probe) {
    Node<T> node = root;
    while (node != null) {
      int c = probe.applyAsInt(node.item());
      if (c == 0) {
        return node.item();
      }
      node = c > 0 ? node.left() : node.right();
    }
    return null;
  }

  /** The list with {@code item} added, or replacing the item the order puts at its place. */
  NameList<T> with(T item) {
    Objects.requireNonNull(item);
    boolean replaces = find(other -> order.compare(other, item)) != null;
    return new NameList<>(insert(root, item), replaces ? size : size + 1, order);
  }

  /** The list without the item for which {@code probe} is 0; this list when there is none. */
  NameList<T> without(ToIntFunction<? super T> probe) {
    return find(probe) == null ? this : new NameList<>(remove(root, probe), size - 1, order);
  }

  @Override
  public T get(int index) {
    Objects.checkIndex(index, size);
    @SuppressWarnings("unchecked")
    T item = (T) array()[index];
    return item;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Iterator<T> iterator() {
    return listIterator();
  }

  @Override
  public void forEach(Consumer<? super T> action) {
    for (Object item : array()) {
      @SuppressWarnings("unchecked")
      T t = (T) item;
      action.accept(t);
    }
  }

  @Override
  public Spliterator<T> spliterator() {
    return Spliterators.spliterator(array(), Spliterator.ORDERED | Spliterator.IMMUTABLE | Spliterator.NONNULL);
  }

  @Override
  public Object[] toArray() {
    return array().clone();
  }

  /** The items in order, made once from the tree. */
  private Object[] array() {
    Object[] result = items;
    if (result == null) {
      List<Object> out = new ArrayList<>(size);
      collect(root, out);
      result = out.toArray();
      items = result;
    }
    return result;
  }

  private static <T> void collect(Node<T> node, List<Object> out) {
    if (node != null) {
      collect(node.left(), out);
      out.add(node.item());
      collect(node.right(), out);
    }
  }

  private static <T> Node<T> build(Object[] sorted, int from, int to) {
    if (from >= to) {
      return null;
    }
    int middle = (from + to) >>> 1;
    @SuppressWarnings("unchecked")
    T item = (T) sorted[middle];
    return node(item, build(sorted, from, middle), build(sorted, middle + 1, to));
  }

  private Node<T> insert(Node<T> node, T item) {
    if (node == null) {
      return new Node<>(item, null, null, 1);
    }
    int c = order.compare(item, node.item());
    if (c == 0) {
      return new Node<>(item, node.left(), node.right(), node.height());
    }
    return c < 0 ? balance(node.item(), insert(node.left(), item), node.right())
        : balance(node.item(), node.left(), insert(node.right(), item));
  }

  private static <T> Node<T> remove(Node<T> node, ToIntFunction<? super T> probe) {
    int c = probe.applyAsInt(node.item());
    if (c > 0) {
      return balance(node.item(), remove(node.left(), probe), node.right());
    } else if (c < 0) {
      return balance(node.item(), node.left(), remove(node.right(), probe));
    } else if (node.left() == null) {
      return node.right();
    } else if (node.right() == null) {
      return node.left();
    }
    Node<T> first = node.right();
    while (first.left() != null) {
      first = first.left();
    }
    return balance(first.item(), node.left(), removeFirst(node.right()));
  }

  private static <T> Node<T> removeFirst(Node<T> node) {
    return node.left() == null ? node.right() : balance(node.item(), removeFirst(node.left()), node.right());
  }

  /** A node over two subtrees whose heights differ by at most two, rotated to differ by at most one. */
  private static <T> Node<T> balance(T item, Node<T> left, Node<T> right) {
    if (height(left) > height(right) + 1) {
      if (height(left.left()) >= height(left.right())) {
        return node(left.item(), left.left(), node(item, left.right(), right));
      }
      Node<T> middle = left.right();
      return node(middle.item(), node(left.item(), left.left(), middle.left()), node(item, middle.right(), right));
    }
    if (height(right) > height(left) + 1) {
      if (height(right.right()) >= height(right.left())) {
        return node(right.item(), node(item, left, right.left()), right.right());
      }
      Node<T> middle = right.left();
      return node(middle.item(), node(item, left, middle.left()), node(right.item(), middle.right(), right.right()));
    }
    return node(item, left, right);
  }

  private static <T> Node<T> node(T item, Node<T> left, Node<T> right) {
    return new Node<>(item, left, right, Math.max(height(left), height(right)) + 1);
  }

  private static int height(Node<?> node) {
    return node == null ? 0 : node.height();
  }
}
