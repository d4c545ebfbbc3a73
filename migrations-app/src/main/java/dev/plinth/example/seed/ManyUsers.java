package dev.plinth.example.seed;

import dev.plinth.example.Seeds;
import dev.plinth.example.User;
import dev.plinth.seed.SeedSet;
import dev.plinth.seed.SeedSource;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A thousand users for development, through the bulk ({@code COPY}) path. Their ids are derived
 * from their numbers, so running the seed again adds nothing.
 */
@SeedSet(env = "dev", order = 20)
public final class ManyUsers implements SeedSource<Seeds> {
  static final int COUNT = 1000;

  @Override
  public void seed(Seeds db) {
    db.user().insertAll(IntStream.rangeClosed(1, COUNT).mapToObj(n -> new User(
        UUID.nameUUIDFromBytes(("example-user-" + n).getBytes(StandardCharsets.UTF_8)),
        "user" + n + "@example.com", n % 10 == 0 ? null : "User " + n, null)));
  }
}
