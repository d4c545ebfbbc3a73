package shop;

import dev.plinth.annotations.Default;
import dev.plinth.annotations.EnumValue;
import dev.plinth.annotations.Generated;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Table;
import java.math.BigDecimal;

/** A line of an order, with columns PostgreSQL computes. */
@Table
@Index(columns = "total")
public record LineItem(
    @Id long id,
    BigDecimal price,
    int quantity,
    @Generated("price * quantity") BigDecimal total,
    String label,
    @Generated("price * 0.9") BigDecimal discounted,
    @Generated("quantity * 2") int doubled,
    @Default("'open'") State state,
    @Generated("state = 'open'") boolean open) {

  public enum State { @EnumValue("open") OPEN, @EnumValue("shipped") SHIPPED, @EnumValue("lost") LOST }
}
