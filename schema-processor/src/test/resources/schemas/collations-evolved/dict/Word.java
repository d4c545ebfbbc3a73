package dict;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;
import java.util.List;

/** Spelling goes back to the database's collation; label, code and tags change theirs. */
@Table
@Index(columns = "spelling")
public record Word(
    @Id long id,
    String spelling,
    @Column(collation = "C") String label,
    @Nullable @Column(length = 20, collation = "POSIX") String code,
    @Nullable @Column(collation = "C") List<String> tags,
    @Nullable @Column(collation = "C") String note) {}
