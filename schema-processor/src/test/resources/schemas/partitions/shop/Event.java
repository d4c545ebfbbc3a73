package shop;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Partition;
import dev.plinth.annotations.PartitionBy;
import dev.plinth.annotations.PartitionType;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.TimeInterval;
import dev.plinth.annotations.TimePartitions;
import java.time.OffsetDateTime;

/** What happened, a partition a month. */
@Table(name = "events")
@PartitionBy(type = PartitionType.RANGE, columns = "createdAt")
@TimePartitions(start = "2026-01", count = 2, interval = TimeInterval.MONTH)
@Partition(name = "events_other", isDefault = true)
@Index(columns = "kind")
public record Event(@Id long id, @Id OffsetDateTime createdAt, String kind) {}
