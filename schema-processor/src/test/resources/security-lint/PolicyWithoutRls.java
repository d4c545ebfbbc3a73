package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Policy;
import dev.plinth.annotations.Table;

@Table // expect: PLN394
@Policy(name = "positive", using = "id > 0")
public record PolicyWithoutRls(@Id long id) {}
