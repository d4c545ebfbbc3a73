package shop;

import billing.Invoice;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.References;
import dev.plinth.annotations.Table;

@Table
public record Payment(@Id long id, @References(Invoice.class) long invoiceId, long cents) {}
