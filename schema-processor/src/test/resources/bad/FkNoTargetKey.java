package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.References;
import dev.plinth.annotations.Table;

class FkNoTargetKey {
  @Table
  record Log(String line) {}

  @Table
  record Note(@Id long id,
      @References(Log.class) String line) {} // expect: PLN133
}
