package bad;

import dev.plinth.annotations.Grant;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Privilege;
import dev.plinth.annotations.Table;

@Table
@Grant(to = "nobody_declared", privileges = Privilege.SELECT) // expect: PLN390
public record UndeclaredRole(@Id long id) {}
