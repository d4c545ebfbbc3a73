package dev.plinth.example;

import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.References;
import dev.plinth.annotations.ReferentialAction;
import dev.plinth.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's membership in an organization.
 *
 * @param orgId The organization.
 * @param userId The member.
 * @param role What the member may do.
 * @param joinedAt When the user joined.
 */
@Table
public record Membership(
    @Id @References(value = Organization.class, onDelete = ReferentialAction.CASCADE) UUID orgId,
    @Id @References(value = User.class, onDelete = ReferentialAction.CASCADE) UUID userId,
    @Default("'MEMBER'") MemberRole role,
    @Default("now()") Instant joinedAt) {}
