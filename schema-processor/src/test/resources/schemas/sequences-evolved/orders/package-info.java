/** Orders, numbered by sequences of their own. */
@Extension("pg_trgm")
@Sequence(name = "invoice_number", renamedFrom = "invoice_no", start = 1000, cache = 20,
    comment = "Numbers of invoices")
@Sequence(name = "ticket_no", schema = "support", type = "smallint")
package orders;

import dev.plinth.annotations.Extension;
import dev.plinth.annotations.Sequence;
