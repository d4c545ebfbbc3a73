package dev.plinth.schema.render;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Change.AddColumn;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.CreateTable;
import dev.plinth.schema.diff.Change.DropColumn;
import dev.plinth.schema.diff.Change.DropTable;
import dev.plinth.schema.diff.Change.RenameColumn;
import dev.plinth.schema.diff.Change.RenameTable;
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
      changes.forEach(change -> subjects.add(minorSubject(change)));
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
    } else if (change instanceof RenameTable c && c.from().name().equals(c.to().name())) {
      return "move_" + c.from().name() + "_to_" + c.to().schema();
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

  /** A subject for changes that name a migration only when nothing bigger happens in it. */
  private static String minorSubject(Change change) {
    if (change instanceof Change.AddIndex c) {
      return "add_" + c.index().name();
    } else if (change instanceof Change.DropIndex c) {
      return "drop_" + c.index().name();
    } else if (change instanceof Change.AddForeignKey c) {
      return "add_" + c.key().name();
    } else if (change instanceof Change.DropForeignKey c) {
      return "drop_" + c.key().name();
    } else if (change instanceof Change.AddUnique c) {
      return "add_" + c.unique().name();
    } else if (change instanceof Change.DropUnique c) {
      return "drop_" + c.unique().name();
    } else if (change instanceof Change.AddCheck c) {
      return "add_" + c.check().name();
    } else if (change instanceof Change.DropCheck c) {
      return "drop_" + c.check().name();
    } else if (change instanceof Change.AddPrimaryKey c) {
      return "add_" + c.key().name();
    } else if (change instanceof Change.DropPrimaryKey c) {
      return "drop_" + c.key().name();
    } else if (change instanceof Change.CreateEnum c) {
      return "create_type_" + c.type().name().name();
    } else if (change instanceof Change.DropEnum c) {
      return "drop_type_" + c.type().name().name();
    } else if (change instanceof Change.AddEnumValue c) {
      return "add_" + c.after().name().name() + "_" + c.value();
    } else if (change instanceof Change.RebuildEnum c) {
      return "alter_type_" + c.after().name().name();
    } else if (change instanceof Change.SetTableComment c) {
      return "comment_" + c.table().name();
    }
    return "alter_schema";
  }
}
