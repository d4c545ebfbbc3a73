package league.seed;

import dev.plinth.seed.SeedSet;
import dev.plinth.seed.SeedSource;
import league.Seeds;

@SeedSet(env = "demo")
public final class DemoSeeds implements SeedSource<Seeds> {
  @Override
  public void seed(Seeds db) {
    db.team().insert("Demo United");
  }
}
