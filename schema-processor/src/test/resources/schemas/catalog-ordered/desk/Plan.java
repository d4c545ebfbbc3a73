package desk;

import dev.plinth.annotations.EnumType;

/** A new type of its own. */
@EnumType(standalone = true)
public enum Plan { FREE, PAID }
