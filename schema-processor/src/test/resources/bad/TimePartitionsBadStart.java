package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.PartitionBy;
import dev.plinth.annotations.PartitionType;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.TimeInterval;
import dev.plinth.annotations.TimePartitions;

class TimePartitionsBadStart {
  @Table
  @PartitionBy(type = PartitionType.RANGE, columns = "day")
  @TimePartitions(start = "January 2026", // expect: PLN403
      count = 3, interval = TimeInterval.MONTH)
  record Event(@Id long id, @Id java.time.LocalDate day) {}
}
