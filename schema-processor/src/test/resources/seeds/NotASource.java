package league.seed;

import dev.plinth.seed.SeedSet;

@SeedSet(env = "test")
public final class NotASource {
}
