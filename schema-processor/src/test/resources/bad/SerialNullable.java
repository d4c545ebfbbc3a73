package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Serial;
import dev.plinth.annotations.Table;

@Table
record SerialNullable(
    @Id long id,
    // message: [PLN114] Component 'position' has both @Serial and @Nullable, but a serial column numbers its rows from its own sequence and is NOT NULL. Remove @Nullable, or @Serial.
    @Serial @Nullable Integer position) {} // expect: PLN114
