package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Table;

@Table
record IdentityStartOutsideRange(
    @Id @Identity(minValue = 100,
        // message: [PLN115] @Identity on component 'id': start 5 is outside minValue 100 to maxValue 9223372036854775807, so PostgreSQL would refuse the migration. Write a start in that range.
        start = 5) long id) {} // expect: PLN115
