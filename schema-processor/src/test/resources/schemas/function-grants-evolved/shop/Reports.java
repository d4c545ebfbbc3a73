package shop;

import dev.plinth.annotations.Function;
import dev.plinth.annotations.Grant;
import dev.plinth.annotations.Privilege;

/**
 * Functions: one granted to everyone and a role, one back to PostgreSQL's default, one new and
 * granted to a role.
 */
@Function(name = "order_total", resource = "fn/order_total.sql", returns = "bigint",
    language = "sql")
@Grant(to = "PUBLIC", privileges = Privilege.EXECUTE, function = "order_total")
@Grant(to = "fn_writer", privileges = Privilege.EXECUTE, function = "order_total")
@Function(name = "order_avg", resource = "fn/order_avg.sql", returns = "numeric", language = "sql")
@Function(name = "order_max", resource = "fn/order_max.sql", returns = "bigint", language = "sql")
@Grant(to = "fn_reader", privileges = Privilege.EXECUTE, function = "order_max")
public final class Reports {
  private Reports() {}
}
