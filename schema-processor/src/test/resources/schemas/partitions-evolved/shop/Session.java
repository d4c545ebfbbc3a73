package shop;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Partition;
import dev.plinth.annotations.PartitionBy;
import dev.plinth.annotations.PartitionType;
import dev.plinth.annotations.Table;
import java.util.UUID;

@Table(name = "sessions")
@PartitionBy(type = PartitionType.HASH, columns = "id")
@Partition(name = "sessions_0", modulus = 2, remainder = 0)
@Partition(name = "sessions_1", modulus = 2, remainder = 1)
public record Session(@Id UUID id, String token) {}
