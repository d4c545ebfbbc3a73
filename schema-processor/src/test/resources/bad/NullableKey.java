package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;

@Table
record NullableKey(
    @Id @Nullable Long id, // expect: PLN118
    String name) {}
