package dev.plinth.runner.seed;

import dev.plinth.runner.internal.seed.SeedException;
import dev.plinth.runner.internal.seed.TableOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.seed.TableInfo;
import dev.plinth.seed.TableInfo.ColumnInfo;
import dev.plinth.seed.TableInfo.ForeignKeyInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Foreign-key order on hand-made table descriptions, named so that name order is the wrong order. */
class TableOrderTest {
  @Test
  void aChainGoesRootFirst() {
    TableInfo d = table("d_root");
    TableInfo c = table("c_mid", fk("d_root", false));
    TableInfo b = table("b_mid", fk("c_mid", false));
    TableInfo a = table("a_leaf", fk("b_mid", false));

    TableOrder.Plan plan = TableOrder.of(tables(a, b, c, d));

    assertEquals(List.of("public.d_root", "public.c_mid", "public.b_mid", "public.a_leaf"), names(plan));
    assertEquals(0, plan.deferred().size());
  }

  @Test
  void aDiamondGoesBottomFirstAndTopLast() {
    TableInfo bottom = table("d_bottom");
    TableInfo left = table("b_left", fk("d_bottom", false));
    TableInfo right = table("c_right", fk("d_bottom", false));
    TableInfo top = table("a_top", fk("b_left", false), fk("c_right", false));

    assertEquals(List.of("public.d_bottom", "public.b_left", "public.c_right", "public.a_top"),
        names(TableOrder.of(tables(top, right, left, bottom))));
  }

  @Test
  void aCycleIsBrokenAtItsNullableKey() {
    TableInfo x = table("x", fk("y", true));
    TableInfo y = table("y", fk("x", false));

    TableOrder.Plan plan = TableOrder.of(tables(x, y));

    assertEquals(List.of("public.x", "public.y"), names(plan));
    assertEquals(List.copyOf(x.foreignKeys()), List.copyOf(plan.deferred()));
  }

  @Test
  void aCycleOfNotNullKeysIsAnError() {
    SeedException e = assertThrows(SeedException.class,
        () -> TableOrder.of(tables(table("x", fk("y", false)), table("y", fk("x", false)))));
    assertTrue(e.getMessage().startsWith("The tables [public.x, public.y] reference each other"), e.getMessage());
  }

  private static List<String> names(TableOrder.Plan plan) {
    return plan.tables().stream().map(TableInfo::qualifiedName).toList();
  }

  private static Map<String, TableInfo> tables(TableInfo... tables) {
    Map<String, TableInfo> result = new LinkedHashMap<>();
    for (TableInfo t : tables) {
      result.put(t.qualifiedName(), t);
    }
    return result;
  }

  private record Fk(String target, boolean nullable) {}

  private static Fk fk(String target, boolean nullable) {
    return new Fk(target, nullable);
  }

  private static TableInfo table(String name, Fk... fks) {
    List<ColumnInfo> columns = new ArrayList<>();
    columns.add(new ColumnInfo("id", "uuid", false, true, TableInfo.Generation.NONE));
    List<ForeignKeyInfo> keys = new ArrayList<>();
    for (Fk fk : fks) {
      columns.add(new ColumnInfo(fk.target() + "_id", "uuid", fk.nullable(), false, TableInfo.Generation.NONE));
      keys.add(new ForeignKeyInfo(List.of(fk.target() + "_id"), "public", fk.target(), List.of("id")));
    }
    return new TableInfo("public", name, columns, List.of("id"), List.of(), keys);
  }
}
