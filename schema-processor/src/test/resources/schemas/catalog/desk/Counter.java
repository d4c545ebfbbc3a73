package desk;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Serial;
import dev.plinth.annotations.Table;

/** Serial here, an identity column in the evolved schema. */
@Table
public record Counter(@Id @Serial long id, @Nullable String label) {}
