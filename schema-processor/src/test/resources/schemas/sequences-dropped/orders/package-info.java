/** Orders, numbered by sequences of their own. */
@Sequence(name = "ticket_no", schema = "support", type = "smallint")
package orders;

import dev.plinth.annotations.Sequence;
