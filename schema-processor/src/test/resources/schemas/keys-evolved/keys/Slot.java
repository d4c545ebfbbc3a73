package keys;

import dev.plinth.annotations.Deferrable;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
public record Slot(@Id int position, String label) {}
