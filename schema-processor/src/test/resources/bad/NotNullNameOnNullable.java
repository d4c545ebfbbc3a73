package bad;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;

@Table
record NotNullNameOnNullable(
    @Id long id,
    // message: [PLN117] @Column(notNullName = "email_present") is on 'email', which is @Nullable and so has no NOT NULL constraint to name. Remove notNullName, or @Nullable.
    @Nullable @Column(notNullName = "email_present") String email) {} // expect: PLN117
