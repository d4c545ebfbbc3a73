package shop;

import dev.plinth.annotations.Grant;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Policy;
import dev.plinth.annotations.PolicyCommand;
import dev.plinth.annotations.Privilege;
import dev.plinth.annotations.RenamedFrom;
import dev.plinth.annotations.RowLevelSecurity;
import dev.plinth.annotations.Table;

@Table
@RowLevelSecurity(force = true)
@Policy(name = "own_rows", renamedFrom = "own_notes", roles = {"app_writer", "app_reader"},
    using = "author = current_user")
@Policy(name = "writer_inserts", command = PolicyCommand.INSERT, roles = "app_writer",
    withCheck = "author = current_user AND NOT archived")
@Policy(name = "hide_archived", command = PolicyCommand.SELECT, using = "NOT archived")
@Grant(to = "app_reader", privileges = Privilege.SELECT)
@Grant(to = "app_writer", privileges = {Privilege.SELECT, Privilege.INSERT, Privilege.UPDATE})
public record Note(@Id long id, @RenamedFrom("owner") String author, String body,
    boolean archived) {}
