package shop;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
public record Customer(@Id long id, String name, String team) {}
