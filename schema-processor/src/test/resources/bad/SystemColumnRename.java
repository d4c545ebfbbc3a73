package bad;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
record SystemColumnRename(
    @Id long id,
    // message: [PLN125] Column 'ctid' of table public.system_column_rename has the name of a PostgreSQL system column (tableoid, xmin, cmin, xmax, cmax, ctid), which no table can use. Give it another name with @Column(name = "...").
    @Column(name = "ctid") String code) {} // expect: PLN125
