package shop;

import dev.plinth.annotations.Check;
import dev.plinth.annotations.Domain;

@Domain(name = "email_address", type = "text",
    checks = @Check(name = "email_address_has_at", value = "VALUE ~ '@'"),
    comment = "An e-mail address, maybe unknown")
@Domain(name = "quantity", type = "int4", defaultValue = "2", notNull = true,
    checks = {@Check(name = "quantity_positive", value = "VALUE > 0"),
        @Check(name = "quantity_small", value = "VALUE < 1000")})
@Domain(name = "product_code", renamedFrom = "code", type = "varchar(12)", collation = "C")
@Domain(name = "note_text", schema = "sales", type = "text")
public interface Domains {}
