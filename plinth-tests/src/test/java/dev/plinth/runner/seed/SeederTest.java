package dev.plinth.runner.seed;

import dev.plinth.runner.internal.seed.SeedException;
import dev.plinth.runner.SeedResult;
import dev.plinth.runner.internal.seed.SeedSetDefinition;
import dev.plinth.runner.internal.seed.Seeder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.example.OrganizationSeed;
import dev.plinth.example.Seeds;
import dev.plinth.example.User;
import dev.plinth.example.seed.ManyUsers;
import dev.plinth.example.seed.Tenants;
import dev.plinth.seed.SeedRows;
import dev.plinth.testing.PlinthDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The seeder on the example schema, on a real PostgreSQL migrated by {@link PlinthDatabase}. */
@PlinthDatabase
class SeederTest {
  private static final List<String> TABLES = List.of("organization", "\"user\"", "membership", "form",
      "form_version", "submission", "audit_event");

  @Test
  void seedingTestTwiceGivesTheSameRows(DataSource db) throws SQLException {
    SeedResult first = Seeder.create().run(db, "test");
    Map<String, List<String>> afterFirst = snapshot(db);
    SeedResult second = Seeder.create().run(db, "test");

    assertEquals(List.of(Tenants.class.getName()), first.seedSets());
    assertEquals(12, first.inserted(), "2 organizations, 3 users, 3 memberships, 1 form, 2 versions, 1 submission");
    assertEquals(0, second.inserted());
    assertEquals(12, second.skipped());
    assertEquals(afterFirst, snapshot(db));
    assertEquals(2, afterFirst.get("organization").size());
  }

  @Test
  void freshModeReplacesEverythingWithExactlyTheSeedData(DataSource db) throws SQLException {
    Seeder.create().fresh(true).run(db, "test");
    Map<String, List<String>> expected = snapshotWithoutNow(db);
    execute(db, "INSERT INTO organization (name, slug) VALUES ('Extra', 'extra')");
    execute(db, "UPDATE form SET title = 'Changed'");

    Seeder.create().fresh(true).run(db, "test");

    assertEquals(expected, snapshotWithoutNow(db));
    assertEquals(2, expected.get("organization").size());
    assertEquals(List.of("1", "2"), query(db, "SELECT id FROM form_version ORDER BY id"), "identities restarted");
  }

  @Test
  void parentsAreInsertedBeforeChildrenWhateverTheCallOrder(DataSource db) throws SQLException {
    // The user is added last but referenced by the form and the submission (a diamond:
    // submission -> form_version -> form -> user and submission -> user).
    SeedResult result = run(db, rows -> {
      Seeds s = new Seeds(rows);
      OrganizationSeed.Row org = s.organization().insert("Org", "org");
      var form = s.form().insert(org, "f", "F");
      var version = s.formVersion().insert(form, 1, "{}");
      var submission = s.submission().insert(version, "{}");
      var user = s.user().insert("late@example.com");
      form.createdBy(user);
      submission.submittedBy(user);
    });

    List<String> order = result.tables().stream().map(SeedResult.TableResult::table).toList();
    assertTrue(order.indexOf("public.organization") < order.indexOf("public.form"), order::toString);
    assertTrue(order.indexOf("public.user") < order.indexOf("public.form"), order::toString);
    assertTrue(order.indexOf("public.form") < order.indexOf("public.form_version"), order::toString);
    assertTrue(order.indexOf("public.form_version") < order.indexOf("public.submission"), order::toString);
    assertEquals(List.of("late@example.com|late@example.com"), query(db,
        "SELECT u1.email || '|' || u2.email FROM submission s JOIN form_version v ON v.id = s.form_version_id"
            + " JOIN form f ON f.id = v.form_id JOIN \"user\" u1 ON u1.id = f.created_by"
            + " JOIN \"user\" u2 ON u2.id = s.submitted_by"));
  }

  @Test
  void aFailingSeedLeavesNoRows(DataSource db) throws SQLException {
    SeedException e = assertThrows(SeedException.class, () -> run(db, rows -> {
      Seeds s = new Seeds(rows);
      OrganizationSeed.Row org = s.organization().insert("Good", "good");
      s.user().insert("someone@example.com");
      s.form().insert(org, "f", "F");
      s.organization().insert("Bad", "Not A Slug!"); // violates organization_slug_check
    }));

    assertTrue(e.getMessage().contains("organization_slug_check"), e.getMessage());
    for (String table : TABLES) {
      assertEquals(List.of("0"), query(db, "SELECT count(*) FROM " + table), table);
    }
  }

  @Test
  void aFailingBulkBatchLeavesNoRows(DataSource db) throws SQLException {
    assertThrows(SeedException.class, () -> run(db, rows -> {
      Seeds s = new Seeds(rows);
      s.organization().insert("Good", "good");
      s.user().insertAll(List.of(user(1), user(2), new User(UUID.randomUUID(), null, null, null)));
    }));

    assertEquals(List.of("0|0"), query(db,
        "SELECT (SELECT count(*) FROM organization) || '|' || (SELECT count(*) FROM \"user\")"));
  }

  @Test
  void theBulkPathCopiesEveryRowAndIsIdempotent(DataSource db) throws SQLException {
    int n = 20_000;
    Consumer<SeedRows> body = rows -> new Seeds(rows).user()
        .insertAll(IntStream.rangeClosed(1, n).mapToObj(SeederTest::user));

    SeedResult first = run(db, body);
    SeedResult second = run(db, body);

    assertEquals(n, first.inserted());
    assertEquals(List.of(String.valueOf(n)), query(db, "SELECT count(*) FROM \"user\" WHERE created_at IS NOT NULL"));
    assertEquals(List.of("user7@example.com|null"), query(db,
        "SELECT email || '|' || coalesce(display_name, 'null') FROM \"user\" WHERE email = 'user7@example.com'"));
    assertEquals(0, second.inserted());
    assertEquals(n, second.skipped());
    assertEquals(List.of(String.valueOf(n)), query(db, "SELECT count(*) FROM \"user\""));
  }

  @Test
  void aBulkBatchIntoAnEmptyTableSkipsItsOwnDuplicatesAndKeepsTheFirst(DataSource db) throws SQLException {
    int n = 20_000; // several COPY buffers before the duplicates at the end
    User sameKey = new User(user(3).id(), "other3@example.com", "second", null);
    User sameEmail = new User(UUID.nameUUIDFromBytes("other".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "USER5@example.com", "second", null);
    Consumer<SeedRows> body = rows -> new Seeds(rows).user().insertAll(java.util.stream.Stream.concat(
        IntStream.rangeClosed(1, n).mapToObj(SeederTest::user), java.util.stream.Stream.of(sameKey, sameEmail)));

    SeedResult first = run(db, body);
    Map<String, List<String>> afterFirst = snapshot(db);
    SeedResult second = run(db, body);

    assertEquals(n, first.inserted());
    assertEquals(2, first.skipped());
    assertEquals(List.of(String.valueOf(n)), query(db, "SELECT count(*) FROM \"user\""));
    assertEquals(List.of("user3@example.com|User\t3\\", "user5@example.com|User\t5\\"), query(db,
        "SELECT email || '|' || display_name FROM \"user\" WHERE id = '" + user(3).id()
            + "' OR lower(email) = 'user5@example.com' ORDER BY email"));
    assertEquals(0, second.inserted());
    assertEquals(n + 2, second.skipped());
    assertEquals(afterFirst, snapshot(db));
  }

  @Test
  void aBulkBatchIntoATableWithRowsAddsOnlyTheMissingOnes(DataSource db) throws SQLException {
    run(db, rows -> new Seeds(rows).user().insertAll(IntStream.rangeClosed(1, 100).mapToObj(SeederTest::user)));

    SeedResult more = run(db, rows -> new Seeds(rows).user()
        .insertAll(IntStream.rangeClosed(51, 150).mapToObj(SeederTest::user)));

    assertEquals(50, more.inserted());
    assertEquals(50, more.skipped());
    assertEquals(List.of("150"), query(db, "SELECT count(*) FROM \"user\""));
  }

  @Test
  void aBulkBatchAfterRowsOfTheSameTableInTheSameRunSkipsThem(DataSource db) throws SQLException {
    SeedResult result = run(db, rows -> {
      Seeds s = new Seeds(rows);
      s.user().insertAll(IntStream.rangeClosed(1, 10).mapToObj(SeederTest::user));
      s.user().insertAll(IntStream.rangeClosed(6, 15).mapToObj(SeederTest::user));
    });

    assertEquals(15, result.inserted());
    assertEquals(5, result.skipped());
    assertEquals(List.of("15"), query(db, "SELECT count(*) FROM \"user\""));
  }

  @Test
  void theDevEnvironmentRunsBothExampleSeedSetsInOrder(DataSource db) throws SQLException {
    SeedResult result = Seeder.create().run(db, "dev");

    assertEquals(List.of(Tenants.class.getName(), ManyUsers.class.getName()), result.seedSets());
    assertEquals(List.of(String.valueOf(3 + 1000)), query(db, "SELECT count(*) FROM \"user\""));
  }

  @Test
  void anUnknownEnvironmentIsAnErrorThatListsTheKnownOnes(DataSource db) {
    SeedException e = assertThrows(SeedException.class, () -> Seeder.create().run(db, "prod"));

    assertEquals("No seed set belongs to environment 'prod'. Known environments: [dev, test]."
        + " Tag a seed set with @SeedSet(env = \"prod\").", e.getMessage());
  }

  private static User user(int n) {
    return new User(UUID.nameUUIDFromBytes(("bulk-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "user" + n + "@example.com", n % 7 == 0 ? null : "User\t" + n + "\\", null);
  }

  private static SeedResult run(DataSource db, Consumer<SeedRows> body) {
    return Seeder.create().run(db, "test", List.of(new SeedSetDefinition("test.Inline", 0, Set.of("test"), body)));
  }

  /** Every row of every example table, as text, sorted. */
  private static Map<String, List<String>> snapshot(DataSource db) throws SQLException {
    Map<String, List<String>> result = new TreeMap<>();
    for (String table : TABLES) {
      result.put(table.replace("\"", ""), query(db, "SELECT t::text FROM " + table + " t ORDER BY 1"));
    }
    return result;
  }

  /** Like {@link #snapshot}, without the columns that default to {@code now()}. */
  private static Map<String, List<String>> snapshotWithoutNow(DataSource db) throws SQLException {
    Map<String, List<String>> result = new TreeMap<>();
    for (String table : TABLES) {
      result.put(table.replace("\"", ""), query(db, "SELECT (to_jsonb(t) - 'created_at' - 'joined_at'"
          + " - 'occurred_at')::text FROM " + table + " t ORDER BY 1"));
    }
    return result;
  }

  static List<String> query(DataSource db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  static void execute(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
