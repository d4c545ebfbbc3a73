package dev.plinth.spring.boot.demo;

import dev.plinth.seed.SeedSource;

/** The {@code demo} seed environment (listed in {@code META-INF/plinth/seed-sets} of the test resources). */
public final class DemoAccounts implements SeedSource<DemoDb> {

  @Override
  public void seed(DemoDb db) {
    db.account("grace@example.com", "Grace");
    db.account("linus@example.com", "Linus");
  }
}
