package desk;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Serial;
import dev.plinth.annotations.Table;

/** An identity column before, serial now. */
@Table
public record Tally(@Id(name = "tally_pk") @Serial long id, @Nullable String label) {}
