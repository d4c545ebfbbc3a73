package bad;

import dev.plinth.annotations.Grant;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Privilege;
import dev.plinth.annotations.Role;
import dev.plinth.annotations.Serial;
import dev.plinth.annotations.Table;

@Table
@Role("app_writer")
@Grant(to = "app_writer", privileges = {Privilege.SELECT, Privilege.USAGE}) // expect: PLN444
public record SequencePrivilegeOnTable(@Id @Serial long id) {}
