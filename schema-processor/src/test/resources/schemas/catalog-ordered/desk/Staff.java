package desk;

import dev.plinth.annotations.Check;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.References;
import dev.plinth.annotations.RenamedFrom;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;
import java.util.UUID;

/** The agent table and its columns renamed: the explicit names stay. */
@Table
@RenamedFrom("agent")
@Index(name = "agent_by_team", columns = "squad")
@Index(name = "staff_by_counter", columns = {"counterId DESC NULLS LAST", "login NULLS FIRST"})
@Check(name = "agent_handle_not_blank", value = "login <> ''")
public record Staff(
    @Id(name = "agent_pk") @Default("gen_random_uuid()") UUID id,
    @RenamedFrom("handle") @Unique(name = "agent_handle_unique") String login,
    @RenamedFrom("team") String squad,
    @Nullable @References(value = Counter.class, name = "agent_counter_ref") Long counterId) {}
