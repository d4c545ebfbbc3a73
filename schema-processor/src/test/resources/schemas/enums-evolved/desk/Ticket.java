package desk;

import dev.plinth.annotations.Check;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.EnumValue;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;

/**
 * A request for help: the status loses a value (the type is rebuilt under the index, the check and
 * the default that use it) and the kind moves to another enum type.
 */
@Table
@Index(columns = "title", where = "status = 'open'")
@Check(name = "ticket_closed_unassigned", value = "status <> 'closed' OR owner IS NULL")
public record Ticket(
    @Id long id,
    String title,
    @Default("'open'") Status status,
    @Nullable String owner,
    Category kind) {

  public enum Status { @EnumValue("open") OPEN, @EnumValue("closed") CLOSED }

  public enum Category { BUG, TASK, IDEA }
}
