package bad;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
record CollationNotText(@Id long id,
    // message: [PLN360] @Column(collation = "C") is on component 'rank' of SQL type integer; PostgreSQL collates text types only (text, varchar, char, citext). Remove it, or give the component a text type.
    @Column(collation = "C") int rank) {} // expect: PLN360
