package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.View;

class ViewNamedLikeTable {
  @Table
  record Shop(@Id long id) {}

  @View(name = "shop", sql = "SELECT id FROM shop") // expect: PLN121
  record ShopView(long id) {}
}
