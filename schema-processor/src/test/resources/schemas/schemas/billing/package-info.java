/** Invoices and what customers owe. */
@DbSchema(name = "billing")
package billing;

import dev.plinth.annotations.DbSchema;
