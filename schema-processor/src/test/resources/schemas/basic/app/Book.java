package app;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.References;
import dev.plinth.annotations.Table;

@Table
public record Book(@Id long id, @References(Author.class) long authorId, String title) {}
