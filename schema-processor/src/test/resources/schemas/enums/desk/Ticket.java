package desk;

import dev.plinth.annotations.Check;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.EnumValue;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;

/** A request for help; its enums are used by an index predicate, a check and a default. */
@Table
@Index(columns = "title", where = "status = 'open'")
@Check(name = "ticket_closed_unassigned", value = "status <> 'closed' OR owner IS NULL")
public record Ticket(
    @Id long id,
    String title,
    @Default("'open'") Status status,
    @Nullable String owner,
    Kind kind) {

  public enum Status { @EnumValue("open") OPEN, @EnumValue("closed") CLOSED, @EnumValue("spam") SPAM }

  public enum Kind { BUG, TASK }
}
