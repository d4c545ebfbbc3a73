package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.PartitionBy;
import dev.plinth.annotations.PartitionType;
import dev.plinth.annotations.Table;

class PartitionKeyNotInPrimaryKey {
  // message: [PLN401] The primary key event_pkey of public.event does not include partition column(s) day, but PostgreSQL enforces a key of a partitioned table per partition, so it must include every partition column. Mark day @Id too (or add it to the constraint's columns).
  @Table
  @PartitionBy(type = PartitionType.RANGE, columns = "day")
  record Event(@Id long id, java.time.LocalDate day) {} // expect: PLN401
}
