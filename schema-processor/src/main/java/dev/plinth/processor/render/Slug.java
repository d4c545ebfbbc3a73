package dev.plinth.processor.render;

import dev.plinth.processor.diff.Change;
import dev.plinth.processor.diff.Change.AddColumn;
import dev.plinth.processor.diff.Change.AlterColumn;
import dev.plinth.processor.diff.Change.CreateTable;
import dev.plinth.processor.diff.Change.DropColumn;
import dev.plinth.processor.diff.Change.DropTable;
import dev.plinth.processor.diff.Change.RenameColumn;
import dev.plinth.processor.diff.Change.RenameTable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A short file-name description of a migration, such as {@code add_users_settings}. */
public final class Slug {
  private static final int MAX_LENGTH = 60;

  private Slug() {}

  public static String of(List<Change> changes) {
    Set<String> subjects = new LinkedHashSet<>();
    for (Change change : changes) {
      String subject = subject(change);
      if (subject != null) {
        subjects.add(subject);
      }
    }
    if (subjects.isEmpty()) {
      subjects.add("alter_schema");
    }
    String first = subjects.iterator().next();
    String slug = switch (subjects.size()) {
      case 1 -> first;
      case 2 -> first + "_and_" + subjects.stream().skip(1).findFirst().orElseThrow()
          .replaceFirst("^(create|drop|add|alter|rename)_", "");
      default -> first + "_and_" + (subjects.size() - 1) + "_more";
    };
    String clean = slug.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH);
  }

  private static String subject(Change change) {
    if (change instanceof CreateTable c) {
      return "create_" + c.table().name().name();
    } else if (change instanceof DropTable c) {
      return "drop_" + c.table().name().name();
    } else if (change instanceof RenameTable c) {
      return "rename_" + c.from().name() + "_to_" + c.to().name();
    } else if (change instanceof AddColumn c) {
      return "add_" + c.table().name() + "_" + c.column().name();
    } else if (change instanceof DropColumn c) {
      return "drop_" + c.table().name() + "_" + c.column().name();
    } else if (change instanceof RenameColumn c) {
      return "rename_" + c.table().name() + "_" + c.from();
    } else if (change instanceof AlterColumn c) {
      return "alter_" + c.table().name() + "_" + c.after().name();
    }
    return null;
  }
}
