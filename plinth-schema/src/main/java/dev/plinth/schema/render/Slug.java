package dev.plinth.schema.render;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Change.AddCheck;
import dev.plinth.schema.diff.Change.AddColumn;
import dev.plinth.schema.diff.Change.AddEnumValue;
import dev.plinth.schema.diff.Change.AddForeignKey;
import dev.plinth.schema.diff.Change.AddIndex;
import dev.plinth.schema.diff.Change.AddPrimaryKey;
import dev.plinth.schema.diff.Change.AddUnique;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.CreateEnum;
import dev.plinth.schema.diff.Change.CreateExtension;
import dev.plinth.schema.diff.Change.CreateSchema;
import dev.plinth.schema.diff.Change.CreateTable;
import dev.plinth.schema.diff.Change.DropCheck;
import dev.plinth.schema.diff.Change.DropColumn;
import dev.plinth.schema.diff.Change.DropEnum;
import dev.plinth.schema.diff.Change.DropExtension;
import dev.plinth.schema.diff.Change.DropForeignKey;
import dev.plinth.schema.diff.Change.DropIndex;
import dev.plinth.schema.diff.Change.DropPrimaryKey;
import dev.plinth.schema.diff.Change.DropSchema;
import dev.plinth.schema.diff.Change.DropTable;
import dev.plinth.schema.diff.Change.DropUnique;
import dev.plinth.schema.diff.Change.RebuildEnum;
import dev.plinth.schema.diff.Change.RenameColumn;
import dev.plinth.schema.diff.Change.RenameConstraint;
import dev.plinth.schema.diff.Change.RenameEnum;
import dev.plinth.schema.diff.Change.RenameEnumValue;
import dev.plinth.schema.diff.Change.RenameIndex;
import dev.plinth.schema.diff.Change.RenameTable;
import dev.plinth.schema.diff.Change.SetTableComment;
import dev.plinth.schema.diff.Change.ValidateConstraint;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A short file-name description of a migration, such as {@code add_users_settings}. */
public final class Slug {
  private static final int MAX_LENGTH = 60;
  private static final Subjects SUBJECTS = new Subjects();
  /** Marks the subjects of declared schemas (taken off before use). */
  private static final String DECLARED = "\0";

  private Slug() {}

  public static String of(List<Change> changes) {
    List<Subject> all = changes.stream().map(change -> change.accept(SUBJECTS)).toList();
    Set<String> subjects = new LinkedHashSet<>();
    all.stream().filter(Subject::main).forEach(subject -> subjects.add(subject.text()));
    if (subjects.isEmpty()) {
      all.forEach(subject -> subjects.add(subject.text()));
      // A declared schema names the migration better than the schema it creates or drops.
      if (subjects.stream().anyMatch(s -> s.startsWith(DECLARED))) {
        subjects.remove(Subjects.SCHEMA.text());
      }
    }
    List<String> named = subjects.stream()
        .map(s -> s.startsWith(DECLARED) ? s.substring(DECLARED.length()) : s).toList();
    subjects.clear();
    subjects.addAll(named);
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

  /**
   * What a change says about its migration. Main subjects (tables and columns) name it; minor ones
   * name it only when no change has a main one.
   */
  private record Subject(String text, boolean main) {
    static Subject main(String text) {
      return new Subject(text, true);
    }

    static Subject minor(String text) {
      return new Subject(text, false);
    }
  }

  /** The subject of each kind of change. */
  private static final class Subjects implements Change.Visitor<Subject> {
    private static final Subject SCHEMA = Subject.minor("alter_schema");

    public Subject visitCreateTable(CreateTable c) {
      return Subject.main("create_" + c.table().name().name());
    }

    public Subject visitDropTable(DropTable c) {
      return Subject.main("drop_" + c.table().name().name());
    }

    public Subject visitRenameTable(RenameTable c) {
      return c.from().name().equals(c.to().name())
          ? Subject.main("move_" + c.from().name() + "_to_" + c.to().schema())
          : Subject.main("rename_" + c.from().name() + "_to_" + c.to().name());
    }

    public Subject visitAddColumn(AddColumn c) {
      return Subject.main("add_" + c.table().name() + "_" + c.column().name());
    }

    public Subject visitDropColumn(DropColumn c) {
      return Subject.main("drop_" + c.table().name() + "_" + c.column().name());
    }

    public Subject visitRenameColumn(RenameColumn c) {
      return Subject.main("rename_" + c.table().name() + "_" + c.from());
    }

    public Subject visitAlterColumn(AlterColumn c) {
      return Subject.main("alter_" + c.table().name() + "_" + c.after().name());
    }

    public Subject visitAddIndex(AddIndex c) {
      return Subject.minor("add_" + c.index().name());
    }

    public Subject visitDropIndex(DropIndex c) {
      return Subject.minor("drop_" + c.index().name());
    }

    public Subject visitAddForeignKey(AddForeignKey c) {
      return Subject.minor("add_" + c.key().name());
    }

    public Subject visitDropForeignKey(DropForeignKey c) {
      return Subject.minor("drop_" + c.key().name());
    }

    public Subject visitAddUnique(AddUnique c) {
      return Subject.minor("add_" + c.unique().name());
    }

    public Subject visitDropUnique(DropUnique c) {
      return Subject.minor("drop_" + c.unique().name());
    }

    public Subject visitAddCheck(AddCheck c) {
      return Subject.minor("add_" + c.check().name());
    }

    public Subject visitDropCheck(DropCheck c) {
      return Subject.minor("drop_" + c.check().name());
    }

    public Subject visitAddPrimaryKey(AddPrimaryKey c) {
      return Subject.minor("add_" + c.key().name());
    }

    public Subject visitDropPrimaryKey(DropPrimaryKey c) {
      return Subject.minor("drop_" + c.key().name());
    }

    public Subject visitCreateEnum(CreateEnum c) {
      return Subject.minor("create_type_" + c.type().name().name());
    }

    public Subject visitDropEnum(DropEnum c) {
      return Subject.minor("drop_type_" + c.type().name().name());
    }

    public Subject visitAddEnumValue(AddEnumValue c) {
      return Subject.minor("add_" + c.after().name().name() + "_" + c.value());
    }

    public Subject visitRebuildEnum(RebuildEnum c) {
      return Subject.minor("alter_type_" + c.after().name().name());
    }

    public Subject visitSetTableComment(SetTableComment c) {
      return Subject.minor("comment_" + c.table().name());
    }

    public Subject visitCreateView(Change.CreateView c) {
      return Subject.minor("create_view_" + c.view().name().name());
    }

    public Subject visitDropView(Change.DropView c) {
      return Subject.minor("drop_view_" + c.view().name().name());
    }

    public Subject visitReplaceView(Change.ReplaceView c) {
      return Subject.minor("replace_view_" + c.after().name().name());
    }

    public Subject visitRefreshView(Change.RefreshView c) {
      return Subject.minor("refresh_view_" + c.after().name().name());
    }

    public Subject visitAlterView(Change.AlterView c) {
      return Subject.minor("alter_view_" + c.after().name().name());
    }

    public Subject visitCreateFunction(Change.CreateFunction c) {
      return Subject.minor("create_function_" + c.function().name().name());
    }

    public Subject visitDropFunction(Change.DropFunction c) {
      return Subject.minor("drop_function_" + c.function().name().name());
    }

    public Subject visitReplaceFunction(Change.ReplaceFunction c) {
      return Subject.minor("replace_function_" + c.after().name().name());
    }

    public Subject visitCreateTrigger(Change.CreateTrigger c) {
      return Subject.minor("create_trigger_" + c.trigger().name());
    }

    public Subject visitDropTrigger(Change.DropTrigger c) {
      return Subject.minor("drop_trigger_" + c.trigger().name());
    }

    public Subject visitCreateSchema(CreateSchema c) {
      return SCHEMA;
    }

    public Subject visitDropSchema(DropSchema c) {
      return SCHEMA;
    }

    public Subject visitRenameSchema(Change.RenameSchema c) {
      return Subject.main("rename_schema_" + c.from() + "_to_" + c.to());
    }

    public Subject visitAlterSchema(Change.AlterSchema c) {
      return Subject.minor(c.after() == null ? DECLARED + "drop_schema_" + c.name()
          : DECLARED + (c.before() == null ? "declare_schema_" : "comment_schema_") + c.name());
    }

    public Subject visitCreateExtension(CreateExtension c) {
      return SCHEMA;
    }

    public Subject visitDropExtension(DropExtension c) {
      return SCHEMA;
    }

    public Subject visitRenameEnum(RenameEnum c) {
      return SCHEMA;
    }

    public Subject visitRenameEnumValue(RenameEnumValue c) {
      return SCHEMA;
    }

    public Subject visitRenameIndex(RenameIndex c) {
      return SCHEMA;
    }

    public Subject visitRenameConstraint(RenameConstraint c) {
      return SCHEMA;
    }

    public Subject visitAddPartition(Change.AddPartition c) {
      return Subject.minor("add_partition_" + c.partition().name());
    }

    public Subject visitDetachPartition(Change.DetachPartition c) {
      return Subject.main("detach_partition_" + c.partition().name());
    }

    public Subject visitAlterPartitionBound(Change.AlterPartitionBound c) {
      return Subject.main("alter_partition_" + c.after().name());
    }

    public Subject visitCreateDomain(Change.CreateDomain c) {
      return Subject.minor("create_domain_" + c.domain().name().name());
    }

    public Subject visitDropDomain(Change.DropDomain c) {
      return Subject.minor("drop_domain_" + c.domain().name().name());
    }

    public Subject visitAlterDomain(Change.AlterDomain c) {
      return Subject.minor("alter_domain_" + c.after().name().name());
    }

    public Subject visitRenameDomain(Change.RenameDomain c) {
      return SCHEMA;
    }

    public Subject visitValidateConstraint(ValidateConstraint c) {
      return Subject.minor("validate_" + c.name());
    }

    public Subject visitAlterForeignKey(Change.AlterForeignKey c) {
      return Subject.minor("alter_" + c.after().name());
    }

    public Subject visitAlterIndex(Change.AlterIndex c) {
      return Subject.minor("alter_" + c.after().name());
    }

    public Subject visitSetRowSecurity(Change.SetRowSecurity c) {
      return Subject.minor("row_security_" + c.table().name());
    }

    public Subject visitCreatePolicy(Change.CreatePolicy c) {
      return Subject.minor("create_policy_" + c.policy().name());
    }

    public Subject visitDropPolicy(Change.DropPolicy c) {
      return Subject.minor("drop_policy_" + c.policy().name());
    }

    public Subject visitAlterPolicy(Change.AlterPolicy c) {
      return Subject.minor("alter_policy_" + c.after().name());
    }

    public Subject visitRenamePolicy(Change.RenamePolicy c) {
      return Subject.minor("rename_policy_" + c.from());
    }

    public Subject visitChangeGrant(Change.ChangeGrant c) {
      return Subject.minor("grant_" + c.on().name());
    }

    public Subject visitChangeFunctionGrant(Change.ChangeFunctionGrant c) {
      return Subject.minor("grant_" + c.function().name());
    }

    public Subject visitCreateRole(Change.CreateRole c) {
      return Subject.minor("create_role_" + c.role().name());
    }

    public Subject visitKeepRole(Change.KeepRole c) {
      return Subject.minor("keep_role_" + c.role().name());
    }

    public Subject visitCreateSequence(Change.CreateSequence c) {
      return Subject.minor("create_sequence_" + c.sequence().name().name());
    }

    public Subject visitDropSequence(Change.DropSequence c) {
      return Subject.minor("drop_sequence_" + c.sequence().name().name());
    }

    public Subject visitAlterSequence(Change.AlterSequence c) {
      return Subject.minor("alter_sequence_" + c.after().name().name());
    }

    public Subject visitRenameSequence(Change.RenameSequence c) {
      return Subject.minor("rename_sequence_" + c.from().name() + "_to_" + c.to().name());
    }
  }
}
