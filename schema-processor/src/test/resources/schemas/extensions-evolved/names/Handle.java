package names;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;

/** A path, whose type comes from the ltree extension. */
@Table
public record Handle(
    @Id long id,
    @Column(type = "citext") String name,
    @Nullable @Column(type = "hstore") String attributes,
    @Nullable @Column(type = "ltree") String path) {}
