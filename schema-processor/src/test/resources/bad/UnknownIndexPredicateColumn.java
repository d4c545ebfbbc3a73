package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Table;

@Table
@Index(columns = "kind", where = "deleted IS NULL AND kind <> 'x'") // expect: PLN130
record UnknownIndexPredicateColumn(@Id long id, String kind, @dev.plinth.annotations.Nullable String deletedAt) {}
