package bad;

import dev.plinth.annotations.Deferrable;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.References;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;

class FkToDeferrableKey {
  @Table
  record Slot(@Id long id, @Unique(deferrable = Deferrable.INITIALLY_DEFERRED) String code) {}

  @Table
  record Booking(@Id long id,
      @References(value = Slot.class, column = "code") String slotCode) {} // expect: PLN342
}
