package shop;

import dev.plinth.annotations.CheckOption;
import dev.plinth.annotations.View;

/** Options and a comment given in place (ALTER VIEW ... SET, COMMENT ON VIEW). */
@View(sql = "SELECT id, name FROM team", securityBarrier = true, checkOption = CheckOption.LOCAL,
    comment = "Teams")
public record TeamName(long id, String name) {}
