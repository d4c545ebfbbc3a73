package league.seed;

import dev.plinth.seed.SeedSet;
import dev.plinth.seed.SeedSource;
import league.Seeds;
import league.TeamSeed;

@SeedSet(env = "test")
public final class MissingColumn implements SeedSource<Seeds> {
  @Override
  public void seed(Seeds db) {
    TeamSeed.Row lions = db.team().insert("Lions");
    db.player().insert(lions, "Ada"); // no position
  }
}
