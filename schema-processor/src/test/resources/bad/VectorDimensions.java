package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Vector;

@Table
record VectorDimensions(@Id long id,
    @Vector(0) float[] embedding) {} // expect: PLN105
