package orders;

import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.IndexMethod;
import dev.plinth.annotations.Sequence;
import dev.plinth.annotations.Table;

/** Purchases: numbers from a sequence that goes with the customer column, invoices from one of the package's. */
@Sequence(name = "purchase_no", type = "integer", increment = 10, ownedBy = "purchase.customer")
@Table
@Index(columns = "customer gin_trgm_ops", method = IndexMethod.GIN)
public record Purchase(
    @Id @Default("nextval('purchase_no')") long number,
    String customer,
    @Default("nextval('invoice_no')") long invoice) {}
