package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Sequence;
import dev.plinth.annotations.Table;

@Sequence(name = "invoice_no")
@Table
record SequenceDeclaredTwice(@Id long id) {}

@Sequence(name = "invoice_no", cache = 10) // expect: PLN433
@Table
record SequenceDeclaredTwiceToo(@Id long id) {}
