package dev.plinth.schema.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.schema.model.QualifiedName;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExternalObjectsTest {

  @Test
  void readsWhatItWritesAndWhatPeopleAdd() {
    ExternalObjects written = new ExternalObjects(List.of(new ExternalObjects.Entry("domain", "public.email"),
        new ExternalObjects.Entry("index", "public.thing_label_idx")));
    String text = written.render() + "\n# mine\r\nconstraint  billing.invoice.invoice_excl\n";

    ExternalObjects read = ExternalObjects.parse(text);

    assertEquals(List.of(new ExternalObjects.Entry("domain", "public.email"),
        new ExternalObjects.Entry("index", "public.thing_label_idx"),
        new ExternalObjects.Entry("constraint", "billing.invoice.invoice_excl")), read.entries());
    assertEquals(Set.of(new QualifiedName("public", "email")), read.domains());
    assertEquals(Set.of("billing.invoice.invoice_excl"), read.names("constraint"));
    assertEquals("format 1\ndomain public.email\nindex public.thing_label_idx\n",
        written.render().lines().filter(l -> !l.startsWith("#")).map(l -> l + "\n").reduce("", String::concat));
  }

  @Test
  void refusesAnotherFormatAndUnknownKindsByLine() {
    assertEquals("line 2: format 2 is not known (this version of Plinth reads format 1)",
        assertThrows(IllegalArgumentException.class, () -> ExternalObjects.parse("# x\nformat 2\n")).getMessage());
    assertEquals("line 1: 'index public.a' comes before the format line; the first line that is not blank or a"
        + " # comment must be 'format 1'",
        assertThrows(IllegalArgumentException.class, () -> ExternalObjects.parse("index public.a\n")).getMessage());
    String message = assertThrows(IllegalArgumentException.class,
        () -> ExternalObjects.parse("format 1\ntables public.a\n")).getMessage();
    assertEquals("line 2: 'tables public.a' is not '<kind> <name>' with a kind of aggregate, column, column-default,"
        + " comment, constraint, domain, extension, function, index, materialized-view, policy, procedure,"
        + " row-level-security, rule, schema, sequence, table, table-option, trigger, type, view, view-options"
        + " (such as 'index public.users_email_idx')", message);
    assertEquals("line 3: 'index a_idx': an index is named schema.name (such as 'index public.room_name_idx')",
        assertThrows(IllegalArgumentException.class,
            () -> ExternalObjects.parse("format 1\ntable public.a\nindex a_idx\n")).getMessage());
  }
}
