package com.example.shop.seed;

import com.example.shop.Seeds;
import dev.plinth.seed.SeedSet;
import dev.plinth.seed.SeedSource;

/** Two customers to develop against; plinth:seed finds this class in the project's classes. */
@SeedSet(env = "dev", order = 10)
public final class Customers implements SeedSource<Seeds> {
  @Override
  public void seed(Seeds db) {
    db.customer().insert("ada@example.com");
    db.customer().insert("grace@example.com");
  }
}
