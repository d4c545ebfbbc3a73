package dev.plinth.bench;

/**
 * Databases migrated once and cloned for each repetition: all migrations applied, and all but
 * the last (both by the Plinth runner, so both carry its history table).
 */
record Templates(String all, String allButLast) {
  static Templates create(Pg pg, MigrationSet set) {
    int n = set.scripts().size();
    String all = pg.create("tpl_all");
    MigrateBench.check(n, Runner.plinthMigrate(pg, all, set.migrationDir(), null));
    String butLast = pg.create("tpl_but_last");
    MigrateBench.check(n - 1, Runner.plinthMigrate(pg, butLast, set.migrationDir(), String.valueOf(n - 1)));
    return new Templates(all, butLast);
  }
}
