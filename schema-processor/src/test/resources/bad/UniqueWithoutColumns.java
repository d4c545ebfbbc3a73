package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;

@Table
@Unique // expect: PLN131
record UniqueWithoutColumns(@Id long id, String slug) {}
