package desk;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;

/** An identity column here, serial in the evolved schema. */
@Table
public record Tally(@Id @Identity long id, @Nullable String label) {}
