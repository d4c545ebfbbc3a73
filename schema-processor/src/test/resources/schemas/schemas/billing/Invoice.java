package billing;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
public record Invoice(@Id long id, InvoiceStatus status, long cents) {}
