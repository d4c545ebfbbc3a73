package dev.plinth.schema.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Type names as written in {@code @Column(type)}, and as PostgreSQL's format_type spells them. */
class SqlTypesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "timetz | time with time zone",
      "TIMETZ | time with time zone",
      "time | time without time zone",
      "time(3) | time(3) without time zone",
      "timestamptz | timestamp with time zone",
      "timestamp(3) with time zone | timestamp(3) with time zone",
      "timestamp (6) | timestamp(6) without time zone",
      "int4 | integer",
      "int8[] | bigint[]",
      "int | integer",
      "bool | boolean",
      "float8 | double precision",
      "float4 | real",
      "float(10) | real",
      "float(53) | double precision",
      "varchar(20) | character varying(20)",
      "VARCHAR (20)[] | character varying(20)[]",
      "varchar | character varying",
      "char | character(1)",
      "char(3) | character(3)",
      "decimal(10, 2) | numeric(10,2)",
      "numeric(12) | numeric(12,0)",
      "numeric | numeric",
      "decimal | numeric",
      "varbit(8) | bit varying(8)",
      "bit | bit(1)",
      "inet | inet",
      "cidr | cidr",
      "interval | interval",
      "interval day to second | interval day to second",
      "  double   precision | double precision",
      "text[][] | text[]",
      "citext | citext",
      "\"public\".\"Mood\"[] | \"public\".\"Mood\"[]",
      "vector(3) | vector(3)",
      "TEXT | text",
      "geometry(Point,4326) | geometry(Point,4326)",
      "Geography | Geography"})
  void spellsTypesAsPostgresDoes(String written, String expected) {
    assertEquals(expected, SqlTypes.canonical(written));
  }
}
