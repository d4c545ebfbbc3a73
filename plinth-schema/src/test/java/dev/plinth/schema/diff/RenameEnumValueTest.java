package dev.plinth.schema.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.schema.diff.Change.RenameEnumValue;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Renaming an enum value renames it where the model holds it as a value of that type. */
class RenameEnumValueTest {
  private static final QualifiedName MOOD = new QualifiedName("public", "mood");
  private static final QualifiedName JOB = new QualifiedName("public", "job");

  @Test
  void defaultsOfColumnsOfTheTypeNameTheNewLabel() {
    Schema before = schema("'OK'::mood", "'{OK,\"BAD\"}'", "'OK'");

    Schema after = new RenameEnumValue(MOOD, "OK", "ALL GOOD").applyTo(before);

    Table job = after.table(JOB).orElseThrow();
    assertEquals("'ALL GOOD'::mood", job.column("mood").orElseThrow().defaultSql());
    assertEquals("'{\"ALL GOOD\",\"BAD\"}'", job.column("moods").orElseThrow().defaultSql());
    assertEquals("'OK'", job.column("note").orElseThrow().defaultSql(), "a text column keeps its default");
    assertEquals(List.of("ALL GOOD", "BAD"), after.enumType(MOOD).orElseThrow().values());
  }

  @Test
  void renamingBackGivesTheModelBack() {
    Schema before = schema("'OK'", "'{BAD,OK}'", "'OK'");
    RenameEnumValue rename = new RenameEnumValue(MOOD, "OK", "FINE");

    assertEquals(before, rename.inverse().applyTo(rename.applyTo(before)));
  }

  private static Schema schema(String moodDefault, String moodsDefault, String noteDefault) {
    Column mood = new Column("mood", "\"public\".\"mood\"", MOOD, false, moodDefault, Identity.NONE, null, null);
    Column moods = new Column("moods", "\"public\".\"mood\"[]", MOOD, false, moodsDefault, Identity.NONE, null, null);
    Column note = new Column("note", "text", null, false, noteDefault, Identity.NONE, null, null);
    Table job = new Table(JOB, "x.Job", null, List.of(mood, moods, note), null, List.of(), List.of(), List.of(),
        List.of(), null);
    return new Schema(List.of(job), List.of(new EnumType(MOOD, "x.Mood", List.of("OK", "BAD"))));
  }
}
