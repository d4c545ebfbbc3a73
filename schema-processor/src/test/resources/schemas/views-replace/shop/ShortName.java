package shop;

import dev.plinth.annotations.View;

/** Reads the view above. */
@View(name = "short_names", sql = "SELECT id, name FROM customer_name WHERE length(name) < 5")
public record ShortName(long id, String name) {}
