package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Partition;
import dev.plinth.annotations.PartitionBy;
import dev.plinth.annotations.PartitionType;
import dev.plinth.annotations.Table;

class PartitionBoundMismatch {
  @Table
  @PartitionBy(type = PartitionType.LIST, columns = "region")
  @Partition(name = "orders_europe", from = "'a'", to = "'b'") // expect: PLN402
  record Order(@Id long id, @Id String region) {}
}
