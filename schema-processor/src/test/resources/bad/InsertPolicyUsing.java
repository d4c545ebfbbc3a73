package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Policy;
import dev.plinth.annotations.PolicyCommand;
import dev.plinth.annotations.RowLevelSecurity;
import dev.plinth.annotations.Table;

@Table
@RowLevelSecurity
@Policy(name = "inserts", command = PolicyCommand.INSERT, using = "id > 0") // expect: PLN391
public record InsertPolicyUsing(@Id long id) {}
