package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an integer column a serial column, as PostgreSQL's {@code smallserial}, {@code serial} and
 * {@code bigserial} make it: a sequence named {@code <table>_<column>_seq} (shortened like
 * constraint names when longer than 63 bytes), owned by the column, and a {@code nextval} default.
 * The column is {@code NOT NULL}. Its sequence is renamed with the table and the column. For the
 * SQL standard's identity columns use {@link Identity}; switching between the two keeps numbering
 * after the greatest value the column holds.
 *
 * <pre>{@code
 * @Id @Serial int id                 // integer NOT NULL DEFAULT nextval('"public"."invoice_id_seq"'::regclass)
 * @Serial long eventNumber           // bigserial
 * @Serial short position             // smallserial
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Serial {}
