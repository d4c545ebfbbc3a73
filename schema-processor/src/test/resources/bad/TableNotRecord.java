package bad;

import dev.plinth.annotations.Table;

@Table // expect: PLN100
class TableNotRecord {}
