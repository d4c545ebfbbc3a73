package orders;

import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Sequence;
import dev.plinth.annotations.Table;

/** Purchases: numbers from a sequence of their own, which no longer belongs to the column. */
@Sequence(name = "purchase_no", type = "integer", increment = 5, maxValue = 1000000, cache = 10,
    cycle = true)
@Table
public record Purchase(
    @Id @Default("nextval('purchase_no')") long number,
    String customer,
    long invoice) {}
