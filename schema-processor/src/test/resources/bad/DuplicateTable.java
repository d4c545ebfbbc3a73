package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

class DuplicateTable {
  @Table(name = "account")
  record Account(@Id long id) {}

  @Table(name = "account") // expect: PLN122
  record LegacyAccount(@Id long id) {}
}
