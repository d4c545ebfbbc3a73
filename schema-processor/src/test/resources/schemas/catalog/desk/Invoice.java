package desk;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Table;

/** Identity columns with sequence options: counting up in tens, and down, cycling, named. */
@Table
public record Invoice(
    @Id(name = "invoice_pk") @Identity(start = 1000, increment = 10, cache = 20) long number,
    @Identity(always = true, increment = -1, minValue = -999, maxValue = -1, cycle = true,
        sequence = "invoice_slots") int slot,
    String customer) {}
