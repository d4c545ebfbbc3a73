package dev.plinth.example;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.References;
import dev.plinth.annotations.ReferentialAction;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;
import java.time.Instant;
import java.util.UUID;

/**
 * A form that an organization publishes.
 *
 * @param id Surrogate key.
 * @param orgId The owning organization.
 * @param slug Handle, unique within the organization.
 * @param title Title shown to respondents.
 * @param createdBy The author, if still a user.
 * @param createdAt When the form was created.
 */
@Table
@Unique(columns = {"orgId", "slug"})
@Index(columns = {"orgId", "createdAt DESC"})
public record Form(
    @Id @Default("gen_random_uuid()") UUID id,
    @References(value = Organization.class, onDelete = ReferentialAction.CASCADE) UUID orgId,
    @Column(length = 100) String slug,
    String title,
    @Nullable @References(value = User.class, onDelete = ReferentialAction.SET_NULL) UUID createdBy,
    @Default("now()") Instant createdAt) {}
