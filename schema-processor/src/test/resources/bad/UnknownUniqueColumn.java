package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;

@Table
@Unique(columns = {"orgId", "slugg"}) // expect: PLN130
record UnknownUniqueColumn(@Id long id, long orgId, String slug) {}
