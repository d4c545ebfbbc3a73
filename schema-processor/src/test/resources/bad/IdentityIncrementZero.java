package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Table;

@Table
record IdentityIncrementZero(
    // message: [PLN115] @Identity on component 'id': increment = 0 never advances, so PostgreSQL would refuse the migration. Write a step above 0, or below 0 to count down.
    @Id @Identity(increment = 0) long id) {} // expect: PLN115
