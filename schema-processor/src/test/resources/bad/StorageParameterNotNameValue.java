package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Table;

class StorageParameterNotNameValue {
  @Table
  @Index(columns = "ref",
      with = {"fillfactor = 70", "fillfactor 80"}) // expect: PLN341
  // message: [PLN341] @Index(with = "fillfactor 80") is not a storage parameter: write it as name = value, such as with = "fillfactor = 70".
  record Item(@Id long id, String ref) {}
}
