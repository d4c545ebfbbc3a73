package bad;

import dev.plinth.annotations.Generated;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Table;

@Table
record GeneratedIdentity(
    @Id long id,
    // message: [PLN350] Component 'number' has @Generated and @Identity; a generated column computes its own values. Remove one of them.
    @Generated("id * 2") @Identity long number) {} // expect: PLN350
