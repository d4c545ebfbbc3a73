package bad;

import dev.plinth.annotations.Extension;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Extension(value = "pg_trgm", version = "1.6")
@Table
record ExtensionDeclaredTwice(@Id long id) {}

@Extension(value = "pg_trgm", version = "1.5") // expect: PLN434
@Table
record ExtensionDeclaredTwiceToo(@Id long id) {}
