package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.References;
import dev.plinth.annotations.Table;

class NotATable {
  record Plain(long id) {}

  @Table
  record Child(@Id long id,
      @References(Plain.class) long plainId) {} // expect: PLN132
}
