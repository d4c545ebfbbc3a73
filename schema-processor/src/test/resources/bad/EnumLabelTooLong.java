package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

class EnumLabelTooLong {
  enum Review {
    PENDING,
    // message: [PLN124] Enum Review has the constant PRÜFUNG_DURCH_DIE_GESCHÄFTSFÜHRUNG_UND_DEN_AUFSICHTSRAT_NÖTIG, which is 65 bytes long (UTF-8), but a PostgreSQL enum value has at most 63. Give it a shorter name, or an @EnumValue.
    PRÜFUNG_DURCH_DIE_GESCHÄFTSFÜHRUNG_UND_DEN_AUFSICHTSRAT_NÖTIG, // expect: PLN124
    DONE
  }

  @Table
  record Document(@Id long id, Review review) {}
}
