package dev.plinth.example;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Jsonb;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.References;
import dev.plinth.annotations.ReferentialAction;
import dev.plinth.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened, kept for auditing. Errors are looked up by time through a partial index.
 *
 * @param id Sequence number.
 * @param orgId The organization concerned, if any.
 * @param kind What happened, such as {@code form.published} or {@code error}.
 * @param payload Details, as JSON.
 * @param occurredAt When it happened.
 */
@Table
@Index(columns = "occurredAt", where = "kind = 'error'")
@Index(columns = {"orgId", "occurredAt"}, include = {"kind"})
public record AuditEvent(
    @Id @Identity(always = true) long id,
    @Nullable @References(value = Organization.class, onDelete = ReferentialAction.SET_NULL) UUID orgId,
    @Column(length = 50) String kind,
    @Jsonb @Default("'{}'::jsonb") String payload,
    @Default("now()") Instant occurredAt) {}
