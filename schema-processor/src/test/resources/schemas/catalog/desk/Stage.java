package desk;

import dev.plinth.annotations.EnumValue;

/** Labels that are not Java identifiers. */
public enum Stage {
  @EnumValue("new") NEW,
  @EnumValue("in progress") IN_PROGRESS,
  @EnumValue("on-hold") ON_HOLD,
  @EnumValue("won't fix") WONT_FIX,
  @EnumValue("v1.0") RELEASED,
  DONE
}
