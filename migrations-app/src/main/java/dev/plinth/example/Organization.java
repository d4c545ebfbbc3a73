package dev.plinth.example;

import dev.plinth.annotations.Check;
import dev.plinth.annotations.Column;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer organization that owns forms.
 *
 * @param id Surrogate key.
 * @param name Display name.
 * @param slug URL-safe unique handle.
 * @param createdAt When the organization signed up.
 */
@Table
public record Organization(
    @Id @Default("gen_random_uuid()") UUID id,
    @Column(length = 200) String name,
    @Unique @Column(length = 63) @Check("slug ~ '^[a-z0-9-]+$'") String slug,
    @Default("now()") Instant createdAt) {}
