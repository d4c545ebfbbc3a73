package shop;

import dev.plinth.annotations.CheckOption;
import dev.plinth.annotations.View;

/** Options and a comment, created with the view. */
@View(sql = "SELECT id, name, team FROM customer WHERE team <> 'banned'", securityBarrier = true,
    checkOption = CheckOption.CASCADED, comment = "Customers not banned")
public record ActiveCustomer(long id, String name, String team) {}
