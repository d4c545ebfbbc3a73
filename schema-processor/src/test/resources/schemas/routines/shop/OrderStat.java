package shop;

import dev.plinth.annotations.Index;
import dev.plinth.annotations.View;

/** A materialized view, indexed. */
@View(name = "order_stats", materialized = true,
    sql = "SELECT status, count(*) AS orders FROM orders GROUP BY status")
@Index(columns = "status", unique = true)
public record OrderStat(String status, long orders) {}
