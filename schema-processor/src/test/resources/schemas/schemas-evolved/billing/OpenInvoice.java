package billing;

import dev.plinth.annotations.View;

@View(sql = "SELECT id, cents FROM accounts.invoice WHERE status = 'OPEN'")
public record OpenInvoice(long id, long cents) {}
