package league;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;
import java.util.UUID;

/**
 * A team.
 *
 * @param id Key.
 * @param name Display name.
 * @param founded Year founded, if known.
 */
@Table
public record Team(
    @Id @Default("gen_random_uuid()") UUID id,
    @Column(length = 100) String name,
    @Nullable Integer founded) {}
