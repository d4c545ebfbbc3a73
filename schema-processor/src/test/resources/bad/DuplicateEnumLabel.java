package bad;

import dev.plinth.annotations.EnumValue;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

class DuplicateEnumLabel {
  enum Stage {
    @EnumValue("open") OPEN,
    // message: [PLN127] Enum Stage gives the label 'open' to both OPEN and REOPENED, but the values of a PostgreSQL enum type are distinct. Give one of them another @EnumValue.
    @EnumValue("open") REOPENED, // expect: PLN127
    CLOSED
  }

  @Table
  record Ticket(@Id long id, Stage stage) {}
}
