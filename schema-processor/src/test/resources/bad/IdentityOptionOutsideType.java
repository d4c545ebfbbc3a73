package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Table;

@Table
record IdentityOptionOutsideType(
    @Id @Identity(
        // message: [PLN115] @Identity on component 'id': maxValue = 100000 is outside the range of its type smallint (-32768 to 32767), so PostgreSQL would refuse the migration. Write a value in that range.
        maxValue = 100000) short id) {} // expect: PLN115
