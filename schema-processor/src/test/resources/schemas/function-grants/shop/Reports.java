package shop;

import dev.plinth.annotations.Function;
import dev.plinth.annotations.Grant;
import dev.plinth.annotations.Privilege;

/** Functions: one with PostgreSQL's default privileges, one granted to two roles. */
@Function(name = "order_total", resource = "fn/order_total.sql", returns = "bigint",
    language = "sql")
@Function(name = "order_avg", resource = "fn/order_avg.sql", returns = "numeric", language = "sql")
@Grant(to = "fn_reader", privileges = Privilege.EXECUTE, function = "order_avg")
@Grant(to = "fn_writer", privileges = Privilege.EXECUTE, function = "order_avg")
public final class Reports {
  private Reports() {}
}
