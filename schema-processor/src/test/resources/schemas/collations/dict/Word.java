package dict;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;
import java.util.List;

@Table
@Index(columns = "spelling")
public record Word(
    @Id long id,
    @Column(collation = "C") String spelling,
    String label,
    @Nullable @Column(length = 20, collation = "C") String code,
    @Nullable List<String> tags) {}
