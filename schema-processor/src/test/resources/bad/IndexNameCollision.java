package bad;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Table;

class IndexNameCollision {
  @Table
  record Audit(@Id long id) {}

  // message: [PLN121] table bad.IndexNameCollision.Audit and an index of public.ledger are both named 'audit' in schema 'public', and PostgreSQL needs distinct names. Give one of them another name (name = "...").
  @Index(name = "audit", columns = "amount") // expect: PLN121
  @Table
  record Ledger(@Id long id, long amount) {}
}
