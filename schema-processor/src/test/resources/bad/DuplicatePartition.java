package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Partition;
import dev.plinth.annotations.PartitionBy;
import dev.plinth.annotations.PartitionType;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.TimeInterval;
import dev.plinth.annotations.TimePartitions;

class DuplicatePartition {
  @Table
  @PartitionBy(type = PartitionType.RANGE, columns = "day")
  @TimePartitions(start = "2026-01", count = 2, interval = TimeInterval.MONTH) // expect: PLN404
  @Partition(name = "event_2026_02", from = "'2026-02-01'", to = "'2026-03-01'")
  record Event(@Id long id, @Id java.time.LocalDate day) {}
}
