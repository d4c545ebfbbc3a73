package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Serial;
import dev.plinth.annotations.Table;

@Table
record SerialWithIdentity(
    @Id @Serial
    @Identity long id) {} // expect: PLN114
