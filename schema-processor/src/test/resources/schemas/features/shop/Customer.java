package shop;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Someone who buys. Their {@code email} is unique ignoring case.
 *
 * @param id Key.
 * @param email Contact address.
 */
@Table(schema = "sales")
@Index(columns = "lower(email)", unique = true)
public record Customer(
    @Id @Default("gen_random_uuid()") UUID id,
    @Column(length = 320) String email,
    @Nullable String displayName,
    List<String> tags,
    Tier tier,
    Tier[] pastTiers,
    @Unique @Column(name = "customer_number_assigned_by_the_legacy_erp_system_of_record") long legacyNumber,
    @Default("now()") Instant createdAt) {

  /** Loyalty tiers. */
  public enum Tier { BRONZE, SILVER, GOLD }
}
