package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Table;

class NameCollision {
  @Table
  record Shop(@Id long id) {}

  @Table
  @Index(columns = "name", name = "shop") // expect: PLN121
  record Product(@Id long id, String name) {}
}
