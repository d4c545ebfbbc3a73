package keys;

import dev.plinth.annotations.Deferrable;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;

@Table
@Unique(columns = {"orgId", "code"}, nullsNotDistinct = true)
@Unique(columns = {"orgId", "position"}, deferrable = Deferrable.INITIALLY_DEFERRED)
@Index(columns = {"code COLLATE \"C\"", "orgId DESC"}, name = "account_code_c_idx")
@Index(columns = "email", unique = true, nullsNotDistinct = true,
    with = {"fillfactor = 70", "deduplicate_items = off"})
public record Account(@Id long id, long orgId, @Nullable String code, int position,
    @Nullable String email) {}
