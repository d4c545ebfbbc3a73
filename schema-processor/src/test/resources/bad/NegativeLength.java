package bad;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
record NegativeLength(
    @Id long id,
    // message: [PLN112] @Column(length = -5) on component 'code': a character varying length is between 1 and 10485760. Write a length in that range, or remove it to get text.
    @Column(length = -5) String code) {} // expect: PLN112
