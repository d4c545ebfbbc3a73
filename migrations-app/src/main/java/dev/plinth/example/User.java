package dev.plinth.example;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A person who can sign in. The table is named {@code user}, a reserved word, which the generated
 * SQL quotes.
 *
 * @param id Surrogate key.
 * @param email Sign-in address, unique ignoring case.
 * @param displayName Name shown to others, if the user gave one.
 * @param createdAt When the account was created.
 */
@Table
@Index(columns = "lower(email)", unique = true)
public record User(
    @Id @Default("gen_random_uuid()") UUID id,
    @Column(length = 320) String email,
    @Nullable String displayName,
    @Default("now()") Instant createdAt) {}
