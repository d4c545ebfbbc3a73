package shop;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Partition;
import dev.plinth.annotations.PartitionBy;
import dev.plinth.annotations.PartitionType;
import dev.plinth.annotations.Table;
import java.time.LocalDate;

@Table(name = "readings")
@PartitionBy(type = PartitionType.RANGE, columns = "day")
@Partition(name = "readings_2026", from = "'2026-01-01'", to = "'2027-01-01'")
@Partition(name = "readings_2027", from = "'2027-01-01'", to = "'2028-01-01'")
@Index(columns = "value")
public record Reading(@Id long id, @Id LocalDate day, double value) {}
