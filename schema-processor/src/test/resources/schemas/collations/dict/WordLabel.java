package dict;

import dev.plinth.annotations.View;

@View(sql = "SELECT id, label FROM word")
public record WordLabel(long id, String label) {}
