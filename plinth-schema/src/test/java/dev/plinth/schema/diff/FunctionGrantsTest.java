package dev.plinth.schema.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.schema.diff.Change.ChangeFunctionGrant;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.Grant;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The differ on {@code EXECUTE} grants of functions: a function's privileges are exactly its
 * grants once it has any, PostgreSQL's default ({@code PUBLIC}) otherwise; the changes fold into
 * the schema after, and their inverses back into the one before.
 */
class FunctionGrantsTest {
  private static final Function TOTAL = new Function(QualifiedName.parse("total"), "app.Reports",
      "a numeric", "numeric", "sql", "SELECT a");
  private static final List<String> EXECUTE = List.of("EXECUTE");

  private static Schema with(Function function) {
    return Schema.EMPTY.withFunctions(List.of(function));
  }

  private static List<Grant> to(String... roles) {
    return List.of(roles).stream().map(r -> new Grant(r, EXECUTE)).toList();
  }

  private static List<Change> diffAndApply(Schema before, Schema after) {
    List<Change> changes = SchemaDiff.diff(before, after);
    assertEquals(after, Changes.apply(before, changes), "the changes give the schema after");
    List<Change> reverse = new ArrayList<>(changes.stream().map(Change::inverse).toList());
    Collections.reverse(reverse);
    assertEquals(before, Changes.apply(after, reverse), "and their inverses the one before");
    return changes;
  }

  @Test
  void aFirstGrantTakesExecuteFromPublic() {
    assertEquals(List.of(
            new ChangeFunctionGrant(TOTAL.name(), "a numeric", "PUBLIC", EXECUTE, List.of()),
            new ChangeFunctionGrant(TOTAL.name(), "a numeric", "reader", List.of(), EXECUTE)),
        diffAndApply(with(TOTAL), with(TOTAL.withGrants(to("reader")))));
  }

  @Test
  void takingTheLastGrantBackGivesExecuteToPublicAgain() {
    assertEquals(List.of(
            new ChangeFunctionGrant(TOTAL.name(), "a numeric", "PUBLIC", List.of(), EXECUTE),
            new ChangeFunctionGrant(TOTAL.name(), "a numeric", "reader", EXECUTE, List.of())),
        diffAndApply(with(TOTAL.withGrants(to("reader"))), with(TOTAL)));
  }

  @Test
  void grantingPublicAloneIsTheDefault() {
    assertEquals(TOTAL, TOTAL.withGrants(to("PUBLIC")));
    assertEquals(List.of(), diffAndApply(with(TOTAL), with(TOTAL.withGrants(to("PUBLIC")))));
  }

  @Test
  void aChangedBodyIsReplacedInPlaceAndOnlyTheGrantsThatDifferChange() {
    Function before = TOTAL.withGrants(to("reader", "writer"));
    Function after = new Function(TOTAL.name(), TOTAL.javaClass(), "a numeric", "numeric", "sql",
        "SELECT a * 2", to("PUBLIC", "reader"));

    assertEquals(List.of(
            new Change.ReplaceFunction(before, new Function(TOTAL.name(), TOTAL.javaClass(),
                "a numeric", "numeric", "sql", "SELECT a * 2", to("reader", "writer"))),
            new ChangeFunctionGrant(TOTAL.name(), "a numeric", "PUBLIC", List.of(), EXECUTE),
            new ChangeFunctionGrant(TOTAL.name(), "a numeric", "writer", EXECUTE, List.of())),
        diffAndApply(with(before), with(after)));
  }

  @Test
  void aFunctionCreatedAgainCarriesItsGrants() {
    Function before = TOTAL.withGrants(to("reader"));
    Function after = new Function(TOTAL.name(), TOTAL.javaClass(), "a numeric, b numeric",
        "numeric", "sql", "SELECT a + b", to("reader", "writer"));

    assertEquals(List.of(new Change.DropFunction(before), new Change.CreateFunction(after)),
        diffAndApply(with(before), with(after)));
  }
}
