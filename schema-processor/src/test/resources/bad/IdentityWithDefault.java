package bad;

import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Table;

@Table
record IdentityWithDefault(
    @Id @Identity @Default("1") long id) {} // expect: PLN107
