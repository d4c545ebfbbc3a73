package bad;

import dev.plinth.annotations.View;

@View(sql = "SELECT 1 AS one") // expect: PLN142
class ViewNotRecord {}
