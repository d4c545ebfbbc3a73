package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Serial;
import dev.plinth.annotations.Table;
import java.util.UUID;

@Table
record SerialType(
    // message: [PLN113] @Serial is on component 'id' of SQL type uuid; a serial column is smallint (short), integer (int) or bigint (long). Change the component's type, or remove @Serial.
    @Id @Serial UUID id) {} // expect: PLN113
