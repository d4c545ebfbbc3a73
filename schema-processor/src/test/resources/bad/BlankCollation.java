package bad;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
record BlankCollation(@Id long id,
    @Column(collation = " ") String name) {} // expect: PLN109
