package dev.plinth.spring.boot.demo;

import dev.plinth.seed.SeedDb;
import dev.plinth.seed.SeedRow;
import dev.plinth.seed.SeedRows;
import dev.plinth.seed.TableInfo;
import dev.plinth.seed.TableInfo.ColumnInfo;
import dev.plinth.seed.TableInfo.Generation;
import java.util.List;

/**
 * A hand-written seed entry point for the test migrations' {@code account} table (the processor
 * generates such classes from {@code @Table} records; the runner reads them the same way).
 */
public final class DemoDb extends SeedDb {
  static final TableInfo ACCOUNT = new TableInfo("public", "account", List.of(
      new ColumnInfo("id", "bigint", false, false, Generation.ALWAYS),
      new ColumnInfo("email", "character varying(320)", false, false, Generation.NONE),
      new ColumnInfo("display_name", "text", true, false, Generation.NONE)),
      List.of("id"), List.of(), List.of());

  public DemoDb(SeedRows rows) {
    super(rows);
  }

  SeedRow<Object> account(String email, String displayName) {
    return new SeedRow<Object>(rows(), ACCOUNT) {}.set("email", email).set("display_name", displayName);
  }
}
