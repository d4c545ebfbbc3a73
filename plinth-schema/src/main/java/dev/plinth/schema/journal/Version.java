package dev.plinth.schema.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A migration version such as {@code 7} or {@code 7.1} (written {@code 7_1} in file names). */
public record Version(List<Integer> parts) implements Comparable<Version> {
  public Version {
    parts = List.copyOf(parts);
  }

  public static Version parse(String text) {
    return new Version(Arrays.stream(text.split("[._]")).map(Integer::valueOf).toList());
  }

  public static Version of(int major) {
    return new Version(List.of(major));
  }

  public int major() {
    return parts.get(0);
  }

  @Override
  public int compareTo(Version other) {
    for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
      int a = i < parts.size() ? parts.get(i) : 0;
      int b = i < other.parts.size() ? other.parts.get(i) : 0;
      if (a != b) {
        return Integer.compare(a, b);
      }
    }
    return 0;
  }

  /** As written in file names: {@code 7_1}. */
  public String fileText() {
    List<String> text = new ArrayList<>();
    parts.forEach(p -> text.add(String.valueOf(p)));
    return String.join("_", text);
  }

  @Override
  public String toString() {
    return fileText().replace('_', '.');
  }
}
