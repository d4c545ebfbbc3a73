package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Serial;
import dev.plinth.annotations.Table;

class SequenceNameCollision {
  @Table(name = "ticket_id_seq")
  record Log(@Id long id) {}

  @Table
  record Ticket(
      @Id @Serial long id) {} // expect: PLN121
}
