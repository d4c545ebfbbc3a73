package shop;

import dev.plinth.annotations.Acknowledge;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.View;

/** Refreshed under a lock: its only unique index is partial. */
@View(materialized = true, refresh = 1, sql = "SELECT id, amount FROM sale WHERE amount > 100")
@Index(columns = "id", unique = true, where = "amount > 1000")
@Acknowledge("PLN410")
public record BigSale(long id, long amount) {}
