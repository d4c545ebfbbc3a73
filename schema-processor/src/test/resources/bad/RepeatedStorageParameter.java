package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Table;

class RepeatedStorageParameter {
  @Table
  @Index(columns = "ref",
      with = {"fillfactor = 70", "FillFactor=80"}) // expect: PLN344
  record Item(@Id long id, String ref) {}
}
