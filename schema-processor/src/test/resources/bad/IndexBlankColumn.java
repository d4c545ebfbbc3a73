package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Table;

@Table
// message: [PLN109] @Index columns must not be blank. Write a column name or an SQL expression, or remove the empty entry.
@Index(columns = {"name", " "}) // expect: PLN109
record IndexBlankColumn(@Id long id, String name) {}
