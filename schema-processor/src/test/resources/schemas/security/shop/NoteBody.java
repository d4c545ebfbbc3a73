package shop;

import dev.plinth.annotations.Grant;
import dev.plinth.annotations.Privilege;
import dev.plinth.annotations.View;

@View(sql = "SELECT id, body FROM note")
@Grant(to = "app_reader", privileges = Privilege.SELECT)
public record NoteBody(long id, String body) {}
