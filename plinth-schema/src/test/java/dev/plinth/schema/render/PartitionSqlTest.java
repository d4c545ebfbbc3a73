package dev.plinth.schema.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.schema.model.Partition;
import dev.plinth.schema.model.Partitioning;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The condition that picks the rows of a new partition out of the default partition, for each
 * kind of bound, and how bounds are split into their literals.
 */
class PartitionSqlTest {
  private static final Partitioning DAY = new Partitioning("range", List.of("day"), List.of());
  private static final Partitioning TWO = new Partitioning("range", List.of("year", "month"), List.of());
  private static final Partitioning REGION = new Partitioning("list", List.of("region"), List.of());

  @Test
  void aRangeOfOneColumnIsFromInclusiveToExclusive() {
    assertEquals("\"day\" >= '2026-01-01' AND \"day\" < '2026-02-01'",
        PartitionSql.predicate(DAY, Partition.range("p", "'2026-01-01'", "'2026-02-01'")));
    assertEquals("\"day\" < '2026-01-01'",
        PartitionSql.predicate(DAY, Partition.range("p", "MINVALUE", "'2026-01-01'")));
    assertEquals("\"day\" >= '2026-01-01'",
        PartitionSql.predicate(DAY, Partition.range("p", "'2026-01-01'", "MAXVALUE")));
  }

  @Test
  void aRangeOfSeveralColumnsComparesRowsUpToTheFirstUnboundedValue() {
    assertEquals("ROW(\"year\", \"month\") >= ROW(2026, 1) AND ROW(\"year\", \"month\") < ROW(2026, 7)",
        PartitionSql.predicate(TWO, Partition.range("p", "2026, 1", "2026, 7")));
    assertEquals("\"year\" >= 2026 AND \"year\" <= 2026",
        PartitionSql.predicate(TWO, Partition.range("p", "2026, MINVALUE", "2026, MAXVALUE")));
  }

  @Test
  void aListIsItsValuesAndNullWhenListed() {
    assertEquals("\"region\" IN ('de', 'fr')",
        PartitionSql.predicate(REGION, Partition.list("p", List.of("'de'", "'fr'"))));
    assertEquals("(\"region\" IN ('x') OR \"region\" IS NULL)",
        PartitionSql.predicate(REGION, Partition.list("p", List.of("'x'", "NULL"))));
  }

  @Test
  void boundsSplitAtCommasOutsideQuotesAndParentheses() {
    assertEquals(List.of("'a, b'", "f(1, 2)", "3"), PartitionSql.split("'a, b', f(1, 2), 3"));
  }
}
