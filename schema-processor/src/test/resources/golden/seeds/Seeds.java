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
   * The hash of this file with null here: Plinth does not rewrite an unchanged file.
   */
  static final String SOURCE_HASH = "519b0ff2c1cc4a108dd345c4a6f54789";

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
