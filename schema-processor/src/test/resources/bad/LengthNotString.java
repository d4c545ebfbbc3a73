package bad;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
record LengthNotString(@Id long id,
    @Column(length = 10) int count) {} // expect: PLN108
