package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Table;

@Table
// message: [PLN138] @Index on record IndexWithoutColumns names no columns, so PostgreSQL cannot build it. Name the indexed columns or expressions, such as @Index(columns = {"name"}) or @Index(columns = "lower(name)").
@Index(columns = {}) // expect: PLN138
record IndexWithoutColumns(@Id long id, String name) {}
