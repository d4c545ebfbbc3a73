package keys;

import dev.plinth.annotations.Deferrable;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;

@Table
@Unique(columns = {"orgId", "code"}, nullsNotDistinct = true)
@Unique(columns = {"orgId", "position"}, deferrable = Deferrable.INITIALLY_IMMEDIATE)
@Index(columns = {"code COLLATE \"POSIX\"", "orgId DESC"}, name = "account_code_c_idx",
    with = "fillfactor = 90")
@Index(columns = "email", unique = true, nullsNotDistinct = true,
    with = "fillfactor = 80", tablespace = "plinth_keys_fast")
public record Account(@Id long id, long orgId, @Nullable String code, int position,
    @Nullable String email) {}
