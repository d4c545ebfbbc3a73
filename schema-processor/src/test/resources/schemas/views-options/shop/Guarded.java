package shop;

import dev.plinth.annotations.CheckOption;
import dev.plinth.annotations.View;

/** Options taken away in place later. */
@View(sql = "SELECT id, name FROM team WHERE id > 0", checkOption = CheckOption.LOCAL,
    securityInvoker = true, comment = "Guarded")
public record Guarded(long id, String name) {}
