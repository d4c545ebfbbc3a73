package dev.plinth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One id scheme for every message Plinth shows: {@code PLN} and three digits, each id used once,
 * the processor's in 100–599 and the runner's in 600–999.
 */
class MessageIdsTest {

  @Test
  void everyIdIsUniqueAndInItsCataloguesRange() {
    Map<String, List<String>> byId = new TreeMap<>();
    for (dev.plinth.processor.message.Message m : dev.plinth.processor.message.Message.values()) {
      byId.computeIfAbsent(m.id(), k -> new ArrayList<>()).add("processor " + m.name());
      assertInRange(m.id(), 100, 599, m.name());
    }
    for (dev.plinth.runner.Message m : dev.plinth.runner.Message.values()) {
      byId.computeIfAbsent(m.id(), k -> new ArrayList<>()).add("runner " + m.name());
      assertInRange(m.id(), 600, 999, m.name());
    }
    List<String> repeated = byId.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .map(e -> e.getKey() + " " + e.getValue()).toList();
    assertEquals(List.of(), repeated, "ids used more than once");
  }

  private static void assertInRange(String id, int from, int to, String name) {
    assertTrue(id.matches("PLN\\d{3}"), name + " has id " + id);
    int n = Integer.parseInt(id.substring(3));
    assertTrue(n >= from && n <= to, name + " has id " + id + ", outside " + from + "-" + to);
  }
}
