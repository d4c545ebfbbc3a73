package shop;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.Function;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Trigger;
import dev.plinth.annotations.TriggerEvent;
import java.time.OffsetDateTime;

@Function(name = "touch_updated_at", resource = "fn/touch_updated_at.sql")
@Trigger(name = "orders_touch", function = "touch_updated_at",
    events = {TriggerEvent.INSERT, TriggerEvent.UPDATE})
@Trigger(name = "orders_status", function = "touch_updated_at", events = TriggerEvent.UPDATE,
    when = "OLD.status IS DISTINCT FROM NEW.status")
@Table(name = "orders")
public record Order(@Id long id, @Column(length = 20) String status,
    @Default("now()") OffsetDateTime updatedAt) {}
