package desk;

import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.RenamedFrom;
import dev.plinth.annotations.Serial;
import dev.plinth.annotations.Table;

/** The ticket, renamed: its sequences follow the table and the column, and grow to bigint. */
@Table
@RenamedFrom("ticket")
public record Issue(
    @Id @Serial long id,
    @RenamedFrom("ticketNumber") @Serial long number,
    String title,
    @Default("'in progress'") Stage stage,
    @Serial short position) {}
