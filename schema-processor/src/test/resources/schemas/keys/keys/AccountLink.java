package keys;

import dev.plinth.annotations.Deferrable;
import dev.plinth.annotations.ForeignKey;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.References;
import dev.plinth.annotations.Table;

@Table
@ForeignKey(columns = {"accountCode", "accountOrg"}, references = Account.class,
    referencedColumns = {"code", "orgId"}, matchFull = true,
    deferrable = Deferrable.INITIALLY_DEFERRED)
public record AccountLink(@Id long id, @Nullable Long accountOrg, @Nullable String accountCode,
    @References(value = Account.class, column = "email") @Nullable String accountEmail) {}
