package app;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;

/** Now with a comment, a bounded name, an optional country and a new column. */
@Table
public record Author(@Id long id, @Column(length = 200) String name, @Nullable String country,
    @Default("0") int followers) {}
