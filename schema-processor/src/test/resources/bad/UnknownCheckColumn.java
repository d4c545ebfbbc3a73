package bad;

import dev.plinth.annotations.Check;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;
import java.time.Instant;

@Table
@Check(name = "period_ordered", value = "startsAt < ends_at") // expect: PLN130
record UnknownCheckColumn(@Id long id, Instant startsAt, Instant endsAt) {}
