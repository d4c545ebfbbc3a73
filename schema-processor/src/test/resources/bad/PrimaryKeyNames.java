package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;
import java.util.UUID;

@Table
record PrimaryKeyNames(
    @Id(name = "membership_pk") UUID orgId,
    // message: [PLN116] @Id on 'orgId' names the primary key 'membership_pk', but @Id on 'userId' names it 'membership_key'. A table has one primary key: write its name on one @Id component only.
    @Id(name = "membership_key") UUID userId) {} // expect: PLN116
