package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;

@Table
// message: [PLN139] @Unique columns names column 'org_id' more than once, and PostgreSQL refuses a key or index that repeats a column. Remove the repetition.
@Unique(columns = {"orgId", "slug", "org_id"}) // expect: PLN139
record UniqueRepeatsColumn(@Id long id, long orgId, String slug) {}
