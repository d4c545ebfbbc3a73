package dev.plinth.schema.render;

import static dev.plinth.schema.render.Sql.ident;

import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Trigger;

/** The statements that create and drop functions and triggers. */
public final class RoutineSql {
  private RoutineSql() {}

  /**
   * {@code CREATE [OR REPLACE] FUNCTION}, the body between dollar quotes of a tag it does not hold,
   * on lines of its own (so PostgreSQL's {@code prosrc} is the body with a line feed around it).
   */
  public static String createFunction(Function function, boolean orReplace) {
    String tag = quoteTag(function.body());
    return "CREATE " + (orReplace ? "OR REPLACE " : "") + "FUNCTION " + signature(function)
        + " RETURNS " + function.returns() + " LANGUAGE " + function.language() + " AS " + tag + "\n"
        + function.body() + "\n" + tag + ";";
  }

  public static String dropFunction(Function function, boolean ifExists) {
    return "DROP FUNCTION " + (ifExists ? "IF EXISTS " : "") + signature(function) + ";";
  }

  /** The function's name and argument list, as {@code DROP FUNCTION} and {@code COMMENT} take it. */
  public static String signature(Function function) {
    return signature(function.name(), function.arguments());
  }

  /** {@code name(arguments)}: the argument list tells a function from another of the same name. */
  public static String signature(QualifiedName name, String arguments) {
    return ident(name) + "(" + arguments + ")";
  }

  /** A dollar-quote tag that does not occur in {@code body}. */
  static String quoteTag(String body) {
    String tag = "$plinth$";
    for (int i = 1; body.contains(tag); i++) {
      tag = "$plinth_" + i + "$";
    }
    return tag;
  }

  /** {@code CREATE [OR REPLACE] TRIGGER} (OR REPLACE needs PostgreSQL 14, the oldest supported). */
  public static String createTrigger(Trigger trigger, boolean orReplace) {
    return "CREATE " + (orReplace ? "OR REPLACE " : "") + "TRIGGER " + ident(trigger.name()) + " "
        + trigger.timing() + " " + String.join(" OR ", trigger.events()) + " ON " + ident(trigger.table())
        + " FOR EACH " + trigger.forEach()
        + (trigger.when() == null ? "" : " WHEN (" + trigger.when() + ")")
        + " EXECUTE FUNCTION " + ident(trigger.function()) + "();";
  }

  public static String dropTrigger(Trigger trigger, boolean ifExists) {
    return "DROP TRIGGER " + (ifExists ? "IF EXISTS " : "") + ident(trigger.name()) + " ON "
        + ident(trigger.table()) + ";";
  }
}
