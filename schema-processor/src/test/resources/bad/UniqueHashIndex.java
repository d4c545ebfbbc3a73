package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.IndexMethod;
import dev.plinth.annotations.Table;

@Table
// message: [PLN140] @Index(unique = true) uses method HASH, but PostgreSQL builds unique indexes only with BTREE. Remove the method (BTREE is the default), or make the index not unique.
@Index(columns = "code", unique = true, method = IndexMethod.HASH) // expect: PLN140
record UniqueHashIndex(@Id long id, String code) {}
