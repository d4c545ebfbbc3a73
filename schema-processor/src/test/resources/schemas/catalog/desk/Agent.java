package desk;

import dev.plinth.annotations.Check;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.References;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;
import java.util.UUID;

/** Every constraint and index named explicitly. */
@Table
@Index(name = "agent_by_team", columns = "team")
@Check(name = "agent_handle_not_blank", value = "handle <> ''")
public record Agent(
    @Id(name = "agent_pk") @Default("gen_random_uuid()") UUID id,
    @Unique(name = "agent_handle_unique") String handle,
    String team,
    @Nullable @References(value = Counter.class, name = "agent_counter_ref") Long counterId) {}
