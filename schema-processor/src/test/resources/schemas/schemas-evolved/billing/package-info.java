/** Invoices, payments due and credit notes. */
@DbSchema(name = "accounts", renamedFrom = "billing")
package billing;

import dev.plinth.annotations.DbSchema;
