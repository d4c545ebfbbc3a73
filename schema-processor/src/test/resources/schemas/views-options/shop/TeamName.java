package shop;

import dev.plinth.annotations.View;

/** No options yet: given some in place later. */
@View(sql = "SELECT id, name FROM team")
public record TeamName(long id, String name) {}
