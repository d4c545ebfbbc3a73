package shop;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;

@Table
public record Customer(@Id long id, @Column(length = 80) String name, @Nullable String note) {}
