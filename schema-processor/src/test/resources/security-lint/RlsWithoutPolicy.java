package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.RowLevelSecurity;
import dev.plinth.annotations.Table;

@Table // expect: PLN395
@RowLevelSecurity
public record RlsWithoutPolicy(@Id long id) {}
