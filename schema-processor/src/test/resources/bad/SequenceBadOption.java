package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Sequence;
import dev.plinth.annotations.Table;

@Sequence(name = "invoice_no",
    increment = 0) // expect: PLN430
// message: [PLN430] @Sequence 'invoice_no': increment = 0 never advances, so PostgreSQL would refuse the migration. Write a step above 0, or below 0 to count down.
@Table
record SequenceBadOption(@Id long id) {}
