package app;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.Table;

@Table
@Index(columns = "name")
public record Author(@Id long id, String name, String country) {}
