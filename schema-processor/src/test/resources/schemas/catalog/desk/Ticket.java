package desk;

import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Serial;
import dev.plinth.annotations.Table;

/** A support ticket: serial columns of each size. */
@Table
public record Ticket(
    @Id @Serial int id,
    @Serial long ticketNumber,
    String title,
    @Default("'in progress'") Stage stage) {}
