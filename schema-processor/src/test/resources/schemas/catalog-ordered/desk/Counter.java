package desk;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;

/** Serial before, an identity column now. */
@Table
public record Counter(@Id @Identity long id, @Nullable String label) {}
