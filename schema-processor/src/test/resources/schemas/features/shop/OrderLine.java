package shop;

import dev.plinth.annotations.Check;
import dev.plinth.annotations.ForeignKey;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.References;
import dev.plinth.annotations.ReferentialAction;
import dev.plinth.annotations.Table;

/** One line of an order; lines can point to the line they replace (composite key cycle). */
@Table
@ForeignKey(columns = {"orderId", "replacesLine"}, references = OrderLine.class,
    onDelete = ReferentialAction.SET_NULL)
public record OrderLine(
    @Id @References(value = Order.class, onDelete = ReferentialAction.CASCADE) long orderId,
    @Id int lineNo,
    @Check("quantity > 0") int quantity,
    @dev.plinth.annotations.Nullable Integer replacesLine) {}
