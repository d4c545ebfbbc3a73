package shop;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.References;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Vector;
import java.util.UUID;

/** A vector per customer, for similarity search. */
@Table(schema = "sales")
public record Embedding(
    @Id @References(Customer.class) UUID customerId,
    @Vector(3) float[] embedding) {}
