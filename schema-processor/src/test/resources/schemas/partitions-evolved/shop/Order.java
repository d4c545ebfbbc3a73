package shop;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Partition;
import dev.plinth.annotations.PartitionBy;
import dev.plinth.annotations.PartitionType;
import dev.plinth.annotations.References;
import dev.plinth.annotations.Table;

@Table(name = "orders")
@PartitionBy(type = PartitionType.LIST, columns = "region")
@Partition(name = "orders_europe", values = {"'de'", "'fr'"})
@Partition(name = "orders_america", values = {"'us'", "'ca'"})
public record Order(@Id long id, @Id String region, @References(Customer.class) long customerId,
    @Nullable String note) {}
