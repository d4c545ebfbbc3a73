package shop;

import dev.plinth.annotations.Function;

/** Functions no trigger calls. */
@Function(name = "order_count", resource = "fn/order_count.sql", arguments = "min_id bigint",
    returns = "bigint", language = "sql")
public final class Reports {
  private Reports() {}
}
