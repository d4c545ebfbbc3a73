package shop;

import dev.plinth.annotations.Check;
import dev.plinth.annotations.Domain;

@Domain(name = "email_address", type = "text", notNull = true,
    checks = @Check(name = "email_address_at", value = "VALUE ~ '@'"),
    comment = "An e-mail address")
@Domain(name = "quantity", type = "int4", defaultValue = "1",
    checks = @Check(name = "quantity_positive", value = "VALUE > 0"))
@Domain(name = "code", type = "varchar(12)", collation = "C")
@Domain(name = "legacy_flag", type = "text", checks = @Check("VALUE = 'y' OR VALUE = 'n'"))
public interface Domains {}
