package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
record EmptyEnum(@Id long id,
    Nothing state) { // expect: PLN103
  enum Nothing {}
}
