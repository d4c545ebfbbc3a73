package bad;

import dev.plinth.annotations.Default;
import dev.plinth.annotations.Generated;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;
import java.math.BigDecimal;

@Table
record GeneratedWithDefault(
    @Id long id,
    BigDecimal price,
    int quantity,
    // message: [PLN350] Component 'total' has @Generated and @Default; a generated column computes its own values. Remove one of them.
    @Generated("price * quantity") @Default("0") BigDecimal total) {} // expect: PLN350
