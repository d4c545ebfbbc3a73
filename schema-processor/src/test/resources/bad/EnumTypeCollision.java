package bad;

import dev.plinth.annotations.EnumType;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

class EnumTypeCollision {
  @EnumType(name = "tint")
  enum Color { RED }

  // message: [PLN121] enum type bad.EnumTypeCollision$Color and enum type bad.EnumTypeCollision$Shade are both named 'tint' in schema 'public', and PostgreSQL needs distinct names. Give one of them another name (name = "...").
  @EnumType(name = "tint") // expect: PLN121
  enum Shade { DARK }

  @Table
  record Paint(@Id long id, Color color, Shade shade) {}
}
