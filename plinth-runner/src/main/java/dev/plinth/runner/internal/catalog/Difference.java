package dev.plinth.runner.internal.catalog;

/**
 * One way the live database differs from the expected schema.
 *
 * @param change {@code missing} (expected, not in the database), {@code extra} (in the database,
 *     not expected) or {@code different}
 * @param object what kind of thing: {@code table}, {@code column}, {@code primary key},
 *     {@code unique constraint}, {@code check constraint}, {@code foreign key}, {@code index},
 *     {@code enum type}, {@code view}
 * @param name its qualified name, e.g. {@code public.users.email} or {@code public.users_email_idx}
 * @param aspect for {@code different}: what differs ({@code type}, {@code nullability},
 *     {@code NOT NULL constraint}, {@code default}, {@code identity}, {@code sequence},
 *     {@code comment}, {@code definition}, {@code name}, {@code values}); otherwise empty
 * @param expected the expected definition, or null when it is extra
 * @param actual the definition in the database, or null when it is missing
 */
public record Difference(String change, String object, String name, String aspect, String expected, String actual) {

  public static Difference missing(String object, String name, String expected) {
    return new Difference("missing", object, name, "", expected, null);
  }

  public static Difference extra(String object, String name, String actual) {
    return new Difference("extra", object, name, "", null, actual);
  }

  public static Difference different(String object, String name, String aspect, String expected, String actual) {
    return new Difference("different", object, name, aspect, expected, actual);
  }

  /** One line: {@code column public.users.email: type is text, expected character varying(320)}. */
  public String text() {
    return switch (change) {
      case "missing" -> "missing " + object + " " + name + ": expected " + expected;
      case "extra" -> "extra " + object + " " + name + ": " + actual;
      default -> object + " " + name + ": " + aspect + " is " + show(actual) + ", expected " + show(expected);
    };
  }

  private static String show(String value) {
    return value == null || value.isEmpty() ? "(none)" : value;
  }
}
