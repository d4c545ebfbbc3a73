package bad;

import dev.plinth.annotations.Grant;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Privilege;
import dev.plinth.annotations.Role;
import dev.plinth.annotations.Serial;
import dev.plinth.annotations.Table;

@Table
@Role("app_writer")
@Grant(to = "app_writer", privileges = Privilege.INSERT, sequence = "table_privilege_on_sequence_id_seq") // expect: PLN444
// message: [PLN444] @Grant(to = "app_writer") on TablePrivilegeOnSequence gives INSERT on sequence table_privilege_on_sequence_id_seq, which it cannot have there. A table or view takes SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER; a sequence (sequence = "...", on a @Table record only) takes USAGE, SELECT, UPDATE; a function (function = "...") takes EXECUTE. Remove it, or write a @Grant for the sequence or function.
public record TablePrivilegeOnSequence(@Id @Serial long id) {}
