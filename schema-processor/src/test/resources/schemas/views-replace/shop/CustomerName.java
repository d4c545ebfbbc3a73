package shop;

import dev.plinth.annotations.View;

@View(sql = "SELECT id, name FROM customer")
public record CustomerName(long id, String name) {}
