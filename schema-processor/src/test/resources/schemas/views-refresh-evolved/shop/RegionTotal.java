package shop;

import dev.plinth.annotations.Index;
import dev.plinth.annotations.View;

/** Refreshed concurrently: unique on a plain column. */
@View(materialized = true, refresh = 1, sql = "SELECT region, sum(amount) AS total FROM sale GROUP BY region")
@Index(columns = "region", unique = true)
public record RegionTotal(String region, long total) {}
