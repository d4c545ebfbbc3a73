package desk;

import dev.plinth.annotations.EnumType;
import dev.plinth.annotations.EnumValue;

/** A type of its own: a value added in place. */
@EnumType(standalone = true)
public enum Priority {
  @EnumValue("low") LOW,
  @EnumValue("medium") MEDIUM,
  @EnumValue("très haute") VERY_HIGH
}
