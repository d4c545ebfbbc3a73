package app;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.References;
import dev.plinth.annotations.ReferentialAction;
import dev.plinth.annotations.Table;

@Table
public record Book(@Id long id,
    @References(value = Author.class, onDelete = ReferentialAction.CASCADE) long authorId,
    String title) {}
