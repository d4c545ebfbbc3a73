package dev.plinth.example;

import dev.plinth.annotations.Check;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Jsonb;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.References;
import dev.plinth.annotations.ReferentialAction;
import dev.plinth.annotations.Table;
import dev.plinth.annotations.Unique;
import java.time.Instant;
import java.util.UUID;

/**
 * One numbered, immutable version of a form's questions.
 *
 * @param id Surrogate key.
 * @param formId The form.
 * @param version Version number, from 1.
 * @param definition The questions, as JSON.
 * @param publishedAt When the version went live; null while it is a draft.
 */
@Table
@Unique(columns = {"formId", "version"})
public record FormVersion(
    @Id @Identity long id,
    @References(value = Form.class, onDelete = ReferentialAction.CASCADE) UUID formId,
    @Check("version > 0") int version,
    @Jsonb String definition,
    @Nullable Instant publishedAt) {}
