package shop;

import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.View;

/** A column added at the end: replaced in place, the view reading it stays. */
@View(sql = "SELECT id, name, note FROM customer")
public record CustomerName(long id, String name, @Nullable String note) {}
