package dev.plinth.example.seed;

import dev.plinth.example.FormVersionSeed;
import dev.plinth.example.MemberRole;
import dev.plinth.example.OrganizationSeed;
import dev.plinth.example.Seeds;
import dev.plinth.example.SubmissionStatus;
import dev.plinth.example.UserSeed;
import dev.plinth.seed.SeedSet;
import dev.plinth.seed.SeedSource;
import java.time.Instant;

/**
 * Two organizations, their people and one published form with a submission: enough for the app's
 * screens in development and for integration tests.
 */
@SeedSet(env = {"dev", "test"}, order = 10)
public final class Tenants implements SeedSource<Seeds> {
  /** When the contact form went live; fixed, so every run seeds the same rows. */
  static final Instant PUBLISHED = Instant.parse("2025-01-15T09:00:00Z");

  @Override
  public void seed(Seeds db) {
    OrganizationSeed.Row acme = db.organization().insert("Acme Corporation", "acme");
    OrganizationSeed.Row globex = db.organization().insert("Globex", "globex");

    UserSeed.Row ada = db.user().insert("ada@example.com").displayName("Ada Lovelace");
    UserSeed.Row grace = db.user().insert("grace@example.com").displayName("Grace Hopper");
    UserSeed.Row linus = db.user().insert("linus@example.com");

    db.membership().insert(acme, ada).role(MemberRole.OWNER);
    db.membership().insert(acme, grace).role(MemberRole.ADMIN);
    db.membership().insert(globex, linus);

    var contact = db.form().insert(acme, "contact", "Contact us").createdBy(ada);
    FormVersionSeed.Row v1 = db.formVersion()
        .insert(contact, 1, "{\"questions\": [{\"id\": \"message\", \"type\": \"text\"}]}")
        .publishedAt(PUBLISHED);
    db.formVersion().insert(contact, 2, "{\"questions\": []}");

    db.submission().insert(v1, "{\"message\": \"Hello!\"}")
        .status(SubmissionStatus.SUBMITTED)
        .submittedBy(grace)
        .submittedAt(PUBLISHED.plusSeconds(3600));
  }
}
