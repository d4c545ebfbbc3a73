package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Vector;

@Table
record VectorNotFloatArray(@Id long id,
    @Vector(3) double[] embedding) {} // expect: PLN104
