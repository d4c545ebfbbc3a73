/** Orders, numbered by sequences of their own. */
@Extension("pg_trgm")
@Sequence(name = "invoice_no", start = 1000, cache = 20, comment = "Invoice numbers")
package orders;

import dev.plinth.annotations.Extension;
import dev.plinth.annotations.Sequence;
