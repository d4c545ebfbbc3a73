package desk;

import dev.plinth.annotations.EnumType;

/** A type of its own that the evolved schema no longer declares. */
@EnumType(name = "channel", schema = "support", standalone = true)
public enum Channel { MAIL, PHONE }
