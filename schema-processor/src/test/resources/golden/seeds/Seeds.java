package league;

import dev.plinth.seed.SeedDb;
import dev.plinth.seed.SeedRows;
import javax.annotation.processing.Generated;

/**
 * The tables of package {@code league}, for seed sets: {@code db.<table>().insert(...)}.
 */
@Generated("dev.plinth.processor.seed.SeedWriter")
public final class Seeds extends SeedDb {
  /**
   * The hash of what this file is made from: Plinth does not rewrite an unchanged file.
   */
  static final String SOURCE_HASH = "d4b59235450aa5bef75d1376e0906974";

  public Seeds(SeedRows rows) {
    super(rows);
  }

  /**
   * Table {@code public.player}: A player of a team.
   */
  public PlayerSeed player() {
    return new PlayerSeed(rows());
  }

  /**
   * Table {@code public.team}: A team.
   */
  public TeamSeed team() {
    return new TeamSeed(rows());
  }
}
