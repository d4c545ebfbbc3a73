package shop;

import dev.plinth.annotations.Index;
import dev.plinth.annotations.View;

/** A materialized view, indexed, now created empty (refreshed by the application). */
@View(name = "order_stats", materialized = true, withData = false,
    sql = "SELECT status, count(*) AS orders FROM purchases GROUP BY status")
@Index(columns = "status", unique = true)
public record OrderStat(String status, long orders) {}
