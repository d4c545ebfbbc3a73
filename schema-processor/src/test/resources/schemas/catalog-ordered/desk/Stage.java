package desk;

import dev.plinth.annotations.EnumValue;
import dev.plinth.annotations.RenamedFrom;

/** Labels that are not Java identifiers: one renamed, one added. */
public enum Stage {
  @EnumValue("new") NEW,
  @EnumValue("triage.done") TRIAGED,
  @EnumValue("in progress") IN_PROGRESS,
  @EnumValue("on hold") @RenamedFrom("on-hold") ON_HOLD,
  @EnumValue("won't fix") WONT_FIX,
  @EnumValue("v1.0") RELEASED,
  DONE
}
