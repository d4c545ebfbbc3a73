package shop;

import dev.plinth.annotations.CheckOption;
import dev.plinth.annotations.View;

/** The check option made CASCADED, security_invoker and the comment taken away, in place. */
@View(sql = "SELECT id, name FROM team WHERE id > 0", checkOption = CheckOption.CASCADED)
public record Guarded(long id, String name) {}
