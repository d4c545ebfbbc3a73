package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
record UnsupportedType(@Id long id,
    java.net.URI homepage) {} // expect: PLN101
