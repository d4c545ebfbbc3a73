package bad;

import dev.plinth.annotations.ForeignKey;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Table;

class FkToUniqueIndexColumnsNotAKey {
  @Table
  @Index(columns = {"a", "b"}, unique = true, where = "a > 0")
  record Pair(@Id long id, long a, long b) {}

  @Table
  @ForeignKey(columns = {"pa", "pb"}, references = Pair.class,
      referencedColumns = {"b", "a"}) // expect: PLN135
  record Use(@Id long id, long pa, long pb) {}
}
