package dev.plinth.example;

import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.IndexMethod;
import dev.plinth.annotations.Jsonb;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.References;
import dev.plinth.annotations.ReferentialAction;
import dev.plinth.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A respondent's answers to one form version.
 *
 * @param id Surrogate key.
 * @param formVersionId The version answered.
 * @param data The answers, as JSON.
 * @param status Where the submission is in its life.
 * @param submittedBy The respondent, when signed in.
 * @param createdAt When the submission was started.
 * @param submittedAt When it was submitted.
 */
@Table
@Index(columns = "data jsonb_path_ops", method = IndexMethod.GIN)
@Index(columns = {"formVersionId", "status"})
public record Submission(
    @Id @Default("gen_random_uuid()") UUID id,
    @References(value = FormVersion.class, onDelete = ReferentialAction.RESTRICT) long formVersionId,
    @Jsonb String data,
    @Default("'DRAFT'") SubmissionStatus status,
    @Nullable @References(User.class) UUID submittedBy,
    @Default("now()") Instant createdAt,
    @Nullable Instant submittedAt) {}
