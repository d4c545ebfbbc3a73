package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Table;

@Table
// message: [PLN139] @Index columns names column 'name' more than once, and PostgreSQL refuses a key or index that repeats a column. Remove the repetition.
@Index(columns = {"name", "name DESC"}) // expect: PLN139
record IndexRepeatsColumn(@Id long id, String name) {}
