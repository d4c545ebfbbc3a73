package dev.plinth.schema.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.schema.model.Grant;
import dev.plinth.schema.model.QualifiedName;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Pulled grants as the {@code @Grant} annotations the records carry. */
class SecuritySourcesTest {
  @Test
  void aGrantOnTheTableNamesItsPrivileges() {
    Set<String> imports = new TreeSet<>();

    assertEquals("@Grant(to = \"app_writer\", privileges = {Privilege.INSERT, Privilege.SELECT})",
        SecuritySources.grant(new Grant("app_writer", List.of("SELECT", "INSERT")), imports));
    assertEquals(Set.of("dev.plinth.annotations.Grant", "dev.plinth.annotations.Privilege"),
        imports);
  }

  @Test
  void aGrantOnASequenceNamesTheSequence() {
    assertEquals("@Grant(to = \"app_writer\", privileges = Privilege.USAGE,"
            + " sequence = \"orders_id_seq\")",
        SecuritySources.grant(new Grant("app_writer", List.of("USAGE"), "orders_id_seq"),
            new TreeSet<>()));
  }

  @Test
  void aGrantOnAFunctionNamesTheFunctionWithItsSchemaOutsidePublic() {
    Set<String> imports = new TreeSet<>();

    assertEquals("@Grant(to = \"PUBLIC\", privileges = Privilege.EXECUTE, function = \"total\")",
        SecuritySources.functionGrant(new Grant("PUBLIC", List.of("EXECUTE")),
            QualifiedName.parse("total"), imports));
    assertEquals("@Grant(to = \"app_reader\", privileges = Privilege.EXECUTE,"
            + " function = \"billing.total\")",
        SecuritySources.functionGrant(new Grant("app_reader", List.of("EXECUTE")),
            QualifiedName.parse("billing.total"), imports));
    assertEquals(Set.of("dev.plinth.annotations.Grant", "dev.plinth.annotations.Privilege"),
        imports);
  }
}
