package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;

class NullsNotDistinctNotUnique {
  @Table
  @Index(columns = "ref", nullsNotDistinct = true) // expect: PLN343
  // message: [PLN343] @Index(nullsNotDistinct = true) on item_ref_idx is not unique, and only a unique index compares NULLs. Add unique = true, or remove nullsNotDistinct.
  record Item(@Id long id, @Nullable String ref) {}
}
