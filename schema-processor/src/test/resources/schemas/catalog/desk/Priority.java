package desk;

import dev.plinth.annotations.EnumType;
import dev.plinth.annotations.EnumValue;

/** A type of its own: no column uses it. */
@EnumType(standalone = true)
public enum Priority {
  @EnumValue("low") LOW,
  @EnumValue("très haute") VERY_HIGH
}
