package bad;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
record DuplicateColumn(@Id long id, String email,
    @Column(name = "email") String mail) {} // expect: PLN123
