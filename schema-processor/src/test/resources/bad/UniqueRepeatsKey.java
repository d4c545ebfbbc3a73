package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;

@Table
record UniqueRepeatsKey(
    @Id @Unique long id) {} // expect: PLN137
