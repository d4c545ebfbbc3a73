package league.seed;

import dev.plinth.seed.SeedSet;
import dev.plinth.seed.SeedSource;
import league.Position;
import league.Seeds;
import league.TeamSeed;

@SeedSet(env = {"dev", "test"}, order = 5)
public final class LeagueSeeds implements SeedSource<Seeds> {
  @Override
  public void seed(Seeds db) {
    TeamSeed.Row lions = db.team().insert("Lions").founded(1901);
    db.player().insert(lions, "Ada", Position.FORWARD).nickname("The Countess").stats("{\"goals\": 3}");
    db.player().insert(TeamSeed.ref(java.util.UUID.randomUUID()), "Bob", Position.DEFENDER);
  }
}
