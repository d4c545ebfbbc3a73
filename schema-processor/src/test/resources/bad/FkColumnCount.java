package bad;

import dev.plinth.annotations.ForeignKey;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

class FkColumnCount {
  @Table
  record Parent(@Id long a, @Id long b) {}

  @Table
  @ForeignKey(columns = {"a", "b"}, references = Parent.class, referencedColumns = "a") // expect: PLN134
  record Child(@Id long id, long a, long b) {}
}
