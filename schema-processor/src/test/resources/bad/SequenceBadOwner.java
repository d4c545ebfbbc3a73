package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Sequence;
import dev.plinth.annotations.Table;

@Sequence(name = "invoice_no", ownedBy = "sequence_bad_owner.missing") // expect: PLN432
@Table
record SequenceBadOwner(@Id long id) {}
