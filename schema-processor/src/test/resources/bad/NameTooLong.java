package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table(name = "a_table_name_that_is_much_longer_than_the_sixty_three_bytes_postgres_keeps") // expect: PLN120
record NameTooLong(@Id long id) {}
