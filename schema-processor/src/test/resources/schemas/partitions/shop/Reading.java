package shop;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Partition;
import dev.plinth.annotations.PartitionBy;
import dev.plinth.annotations.PartitionType;
import dev.plinth.annotations.Table;
import java.time.LocalDate;

@Table(name = "readings")
@PartitionBy(type = PartitionType.RANGE, columns = "day")
@Partition(name = "readings_2025", from = "'2025-01-01'", to = "'2026-01-01'")
@Partition(name = "readings_2026", from = "'2026-01-01'", to = "'2027-01-01'")
public record Reading(@Id long id, @Id LocalDate day, double value) {}
