package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Partition;
import dev.plinth.annotations.Table;

class PartitionWithoutPartitionBy {
  @Table
  @Partition(name = "events_2026", from = "'2026-01-01'", to = "'2027-01-01'") // expect: PLN400
  record Event(@Id long id, java.time.LocalDate day) {}
}
