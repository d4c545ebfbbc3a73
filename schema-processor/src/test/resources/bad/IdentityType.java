package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Table;

@Table
record IdentityType(
    @Id @Identity String id) {} // expect: PLN106
