package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;

@Table
record NullablePrimitive(@Id long id,
    @Nullable int age) {} // expect: PLN102
