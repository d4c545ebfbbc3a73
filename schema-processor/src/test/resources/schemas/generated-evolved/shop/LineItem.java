package shop;

import dev.plinth.annotations.Default;
import dev.plinth.annotations.Dropped;
import dev.plinth.annotations.EnumValue;
import dev.plinth.annotations.Generated;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Table;
import java.math.BigDecimal;

/**
 * A line of an order: the total's expression changes, the label becomes computed, the discount
 * plain, the doubled quantity goes and a tripled one comes; the state loses a value under the
 * generated column that reads it.
 */
@Table
@Dropped(columns = "doubled")
@Index(columns = "total")
public record LineItem(
    @Id long id,
    BigDecimal price,
    int quantity,
    @Generated("price * quantity + 1") BigDecimal total,
    @Generated("'item ' || id") String label,
    BigDecimal discounted,
    @Default("'open'") State state,
    @Generated("state = 'open'") boolean open,
    @Generated("quantity * 3") int tripled) {

  public enum State { @EnumValue("open") OPEN, @EnumValue("shipped") SHIPPED }
}
