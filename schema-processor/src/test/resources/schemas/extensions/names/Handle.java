package names;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;

/** Columns whose types come from extensions, which the migration creates first. */
@Table
public record Handle(
    @Id long id,
    @Column(type = "citext") String name,
    @Nullable @Column(type = "hstore") String attributes) {}
