package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Partition;
import dev.plinth.annotations.PartitionBy;
import dev.plinth.annotations.PartitionType;
import dev.plinth.annotations.Table;

class PartitionNameTaken {
  @Table
  @PartitionBy(type = PartitionType.HASH, columns = "id")
  @Partition(name = "session", modulus = 1, remainder = 0) // expect: PLN407
  record Session(@Id long id, String token) {}
}
