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

  @Test
  void aNegativeNumberIsTheQuotedLiteralPostgresqlCastsToItsType() {
    // As pg_get_constraintdef gives CHECK (VALUE > -1000000) and CHECK (n >= -2.5).
    assertEquals(Canonical.expression("VALUE > -1000000"), Canonical.expression("(VALUE > '-1000000'::integer)"));
    assertEquals(Canonical.expression("n >= -2.5 AND m < -1"),
        Canonical.expression("((n >= '-2.5'::numeric) AND (m < '-1'::bigint))"));
    assertEquals(Canonical.expression("x = -1e3"), Canonical.expression("(x = '-1e3'::double precision)"));
    // A text literal that looks like a number stays a literal.
    assertNotEquals(Canonical.expression("code = -1"), Canonical.expression("(code = '-1'::text)"));
    assertNotEquals(Canonical.expression("n > -1"), Canonical.expression("(n > '-2'::integer)"));
  }
}
