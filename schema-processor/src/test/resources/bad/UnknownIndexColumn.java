package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Table;

@Table
@Index(columns = {"email", "emial"}) // expect: PLN130
record UnknownIndexColumn(@Id long id, String email) {}
