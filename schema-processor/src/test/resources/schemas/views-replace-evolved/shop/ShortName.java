package shop;

import dev.plinth.annotations.View;

/** Another filter, the same columns: replaced in place both ways. */
@View(name = "short_names", sql = "SELECT id, name FROM customer_name WHERE length(name) < 6")
public record ShortName(long id, String name) {}
