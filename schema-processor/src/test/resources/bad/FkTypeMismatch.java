package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.References;
import dev.plinth.annotations.Table;
import java.util.UUID;

class FkTypeMismatch {
  @Table
  record Parent(@Id UUID id) {}

  @Table
  record Child(@Id long id,
      @References(Parent.class) long parentId) {} // expect: PLN136
}
