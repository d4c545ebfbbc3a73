package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Sequence;
import dev.plinth.annotations.Table;

@Sequence(name = "invoice_no", type = "numeric") // expect: PLN431
@Table
record SequenceBadType(@Id long id) {}
