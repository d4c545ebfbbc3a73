package dev.plinth.schema.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CanonicalTest {
  @Test
  void aCastAfterALiteralDoesNotSwallowTheWordsAfterIt() {
    assertEquals(Canonical.expression("status <> 'closed' OR owner IS NULL"),
        Canonical.expression("((status <> 'closed'::status) OR (owner IS NULL))"));
    assertEquals(Canonical.expression("kind = 'a' AND note IS NULL"),
        Canonical.expression("((kind = 'a'::\"public\".\"kind\") AND (note IS NULL))"));
    assertNotEquals(Canonical.expression("status <> 'closed'"),
        Canonical.expression("((status <> 'closed'::status) OR (owner IS NULL))"));
  }

  @Test
  void typeNamesOfSeveralWordsWithModifiersAndBracketsAreCasts() {
    assertEquals(Canonical.expression("lower(email) = 'x' AND n > 0"),
        Canonical.expression("(lower((email)::text) = 'x'::character varying(320)) AND (n > 0::double precision)"));
    assertEquals(Canonical.expression("at < now() OR tags = '{}'"),
        Canonical.expression("(at < now()::timestamp with time zone) OR (tags = '{}'::text[])"));
  }
}
