package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Sequence;
import dev.plinth.annotations.Table;

@Sequence(name = "sequence_name_taken") // expect: PLN435
@Table
record SequenceNameTaken(@Id long id) {}
