package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.PartitionBy;
import dev.plinth.annotations.PartitionType;
import dev.plinth.annotations.Table;

class PartitionIndexConcurrently {
  @Table
  @PartitionBy(type = PartitionType.HASH, columns = "id")
  @Index(columns = "token", concurrently = true) // expect: PLN406
  record Session(@Id long id, String token) {}
}
