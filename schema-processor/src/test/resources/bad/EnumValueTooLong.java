package bad;

import dev.plinth.annotations.EnumValue;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

class EnumValueTooLong {
  enum Review {
    PENDING,
    // message: [PLN124] Enum Review has the label 'waiting for the decision of the board of directors and the supervisors' (of BOARD), which is 70 bytes long (UTF-8), but a PostgreSQL enum value has at most 63. Give it a shorter @EnumValue.
    @EnumValue("waiting for the decision of the board of directors and the supervisors") BOARD, // expect: PLN124
    DONE
  }

  @Table
  record Document(@Id long id, Review review) {}
}
