package league;

import dev.plinth.seed.Ref;
import dev.plinth.seed.SeedRow;
import dev.plinth.seed.SeedRows;
import dev.plinth.seed.SeedTable;
import dev.plinth.seed.TableInfo;
import java.time.Instant;
import javax.annotation.processing.Generated;

/**
 * Seed rows for table {@code public.player} (Player).
 *
 * <p>A player of a team.
 *
 * <p>Add rows with {@link #insert}: its parameters are the columns that must be given (NOT NULL, no default); set the others on the returned {@link Row}.
 */
@Generated("dev.plinth.processor.seed.SeedWriter")
public final class PlayerSeed extends SeedTable<Player> {
  /**
   * Table {@code public.player} as the seeder sees it.
   */
  public static final TableInfo TABLE = TableInfo.decode("table\tpublic\tplayer\ncolumn\tid\tbigint\tB\ncolumn\tteam_id\tuuid\t\ncolumn\tname\ttext\t\ncolumn\tnickname\ttext\tn\ncolumn\tposition\t\"public\".\"position\"\t\ncolumn\tstats\tjsonb\td\ncolumn\tjoined_at\ttimestamp with time zone\td\nkey\tid\nfk\tpublic\tteam\t1\tteam_id\tid");

  /**
   * The hash of this file with null here: Plinth does not rewrite an unchanged file.
   */
  static final String SOURCE_HASH = "8552b3b98a543738e4c0ba0d41784bc4";

  /**
   * A builder adding rows to {@code rows}; seed sets get one from {@code Seeds}.
   */
  public PlayerSeed(SeedRows rows) {
    super(rows, TABLE, Player.class, "zcccccc");
  }

  /**
   * Adds a row to {@code public.player}; it is inserted, parents first, when every seed set has run.
   * @param teamId The team.
   * @param name Full name.
   * @param position Where they play.
   * @return the row, to set optional columns on and to reference from child rows
   */
  public Row insert(Ref<Team> teamId, String name, Position position) {
    return new Row(rows(), new Object[] {teamId, name, position});
  }

  /**
   * A reference to a row of {@code public.player} that is already in the database, by primary key.
   */
  public static Ref<Player> ref(long id) {
    return Ref.<Player>byKey(TABLE, new Object[] {id});
  }

  /**
   * A row of {@code public.player} added by a seed set; also a reference for its children.
   */
  public static final class Row extends SeedRow<Player> {
    Row(SeedRows rows, Object[] required) {
      super(rows, TABLE, required);
    }

    /**
     * Shirt registry number.
     *
     * <p>Column {@code id}, an identity: the database numbers rows that leave it out.
     */
    public Row id(long id) {
      set("id", (Object) id);
      return this;
    }

    /**
     * What the fans call them.
     *
     * <p>Column {@code nickname}, NULL when not set.
     */
    public Row nickname(String nickname) {
      set("nickname", nickname);
      return this;
    }

    /**
     * Season statistics, as JSON.
     *
     * <p>Column {@code stats}, defaults to {@code '{}'::jsonb}.
     */
    public Row stats(String stats) {
      set("stats", stats);
      return this;
    }

    /**
     * When they joined.
     *
     * <p>Column {@code joined_at}, defaults to {@code now()}.
     */
    public Row joinedAt(Instant joinedAt) {
      set("joined_at", joinedAt);
      return this;
    }
  }
}
