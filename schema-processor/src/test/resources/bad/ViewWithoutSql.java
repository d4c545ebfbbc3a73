package bad;

import dev.plinth.annotations.View;

// message: [PLN143] @View on ViewWithoutSql has no query. Write it in sql, as after CREATE VIEW ... AS: @View(sql = "SELECT id, email FROM users").
@View(sql = " ") // expect: PLN143
record ViewWithoutSql(int one) {}
