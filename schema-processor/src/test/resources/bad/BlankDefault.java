package bad;

import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
record BlankDefault(@Id long id,
    @Default(" ") String name) {} // expect: PLN109
