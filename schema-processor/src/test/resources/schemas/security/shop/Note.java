package shop;

import dev.plinth.annotations.Grant;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Policy;
import dev.plinth.annotations.PolicyCommand;
import dev.plinth.annotations.Privilege;
import dev.plinth.annotations.RowLevelSecurity;
import dev.plinth.annotations.Table;

@Table
@RowLevelSecurity
@Policy(name = "own_notes", roles = {"app_writer", "app_reader"}, using = "owner = current_user")
@Policy(name = "writer_inserts", command = PolicyCommand.INSERT, roles = "app_writer",
    withCheck = "owner = current_user")
@Policy(name = "hide_archived", command = PolicyCommand.SELECT, permissive = false,
    using = "NOT archived")
@Grant(to = "app_reader", privileges = Privilege.SELECT)
@Grant(to = "app_writer", privileges = {Privilege.SELECT, Privilege.INSERT, Privilege.DELETE})
@Grant(to = "app_old", privileges = Privilege.SELECT)
public record Note(@Id long id, String owner, String body, boolean archived) {}
