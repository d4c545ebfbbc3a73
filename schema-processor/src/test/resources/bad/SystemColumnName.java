package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
record SystemColumnName(
    @Id long id,
    // message: [PLN125] Column 'xmin' of table public.system_column_name has the name of a PostgreSQL system column (tableoid, xmin, cmin, xmax, cmax, ctid), which no table can use. Give it another name with @Column(name = "...").
    long xmin) {} // expect: PLN125
