package league;

import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Jsonb;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.References;
import dev.plinth.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A player of a team.
 *
 * @param id Shirt registry number.
 * @param teamId The team.
 * @param name Full name.
 * @param nickname What the fans call them.
 * @param position Where they play.
 * @param stats Season statistics, as JSON.
 * @param joinedAt When they joined.
 */
@Table
public record Player(
    @Id @Identity long id,
    @References(Team.class) UUID teamId,
    String name,
    @Nullable String nickname,
    Position position,
    @Jsonb @Default("'{}'::jsonb") String stats,
    @Default("now()") Instant joinedAt) {}
