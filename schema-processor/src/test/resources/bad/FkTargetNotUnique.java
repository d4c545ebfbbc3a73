package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.References;
import dev.plinth.annotations.Table;

class FkTargetNotUnique {
  @Table
  record Parent(@Id long id, String code) {}

  @Table
  record Child(@Id long id,
      @References(value = Parent.class, column = "code") String parentCode) {} // expect: PLN135
}
