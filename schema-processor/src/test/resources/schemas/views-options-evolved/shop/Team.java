package shop;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
public record Team(@Id long id, String name) {}
