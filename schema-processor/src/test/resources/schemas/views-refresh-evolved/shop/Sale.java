package shop;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

@Table
public record Sale(@Id long id, String region, long amount) {}
