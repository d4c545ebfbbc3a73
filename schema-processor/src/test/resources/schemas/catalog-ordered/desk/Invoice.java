package desk;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Table;

/** Every option changed in place: generation, start and step, cache, cycle, names, type. */
@Table
public record Invoice(
    @Id @Identity(always = true, start = 5000, increment = 5, cache = 20, sequence = "invoice_numbers")
    long number,
    @Identity(increment = -1, minValue = -999, maxValue = -1, cache = 5, sequence = "slots") long slot,
    String customer) {}
