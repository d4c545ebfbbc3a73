package shop;

import dev.plinth.annotations.CheckOption;
import dev.plinth.annotations.View;

/** Created again, with its options and comment, after the column it reads is renamed. */
@View(sql = "SELECT id, full_name, team FROM customer WHERE team <> 'banned'", securityBarrier = true,
    checkOption = CheckOption.CASCADED, comment = "Customers not banned")
public record ActiveCustomer(long id, String fullName, String team) {}
