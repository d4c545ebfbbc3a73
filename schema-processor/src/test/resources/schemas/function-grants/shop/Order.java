package shop;

import dev.plinth.annotations.Function;
import dev.plinth.annotations.Grant;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Privilege;
import dev.plinth.annotations.Table;

@Table(name = "orders")
@Function(name = "order_count", resource = "fn/order_count.sql", arguments = "min_id bigint",
    returns = "integer", language = "sql")
@Grant(to = "fn_reader", privileges = Privilege.SELECT)
@Grant(to = "fn_reader", privileges = Privilege.EXECUTE, function = "order_count")
public record Order(@Id long id, String item) {}
