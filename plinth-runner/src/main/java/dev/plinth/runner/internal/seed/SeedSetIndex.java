package dev.plinth.runner.internal.seed;

import dev.plinth.seed.SeedDb;
import dev.plinth.seed.SeedRows;
import dev.plinth.seed.SeedSet;
import dev.plinth.seed.SeedSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the seed sets listed in {@value SeedSet#INDEX} by the processor, in every jar and folder of
 * a class loader: no classpath scanning. Like {@link java.util.ServiceLoader}, it creates each seed
 * set with its public no-argument constructor.
 */
public final class SeedSetIndex {
  private final List<SeedSetDefinition> all;

  private SeedSetIndex(List<SeedSetDefinition> all) {
    this.all = all;
  }

  /** The seed sets visible to {@code loader}, sorted by order then name. */
  public static SeedSetIndex load(ClassLoader loader) {
    Map<String, String[]> lines = new TreeMap<>();
    try {
      Enumeration<URL> urls = loader.getResources(SeedSet.INDEX);
      for (URL url : Collections.list(urls)) {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] parts = line.split("\t");
            if (!line.startsWith("#") && parts.length == 4) {
              lines.putIfAbsent(parts[1], parts); // the first on the class path wins, like classes
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SeedSet.INDEX, e);
    }
    List<SeedSetDefinition> sets = new ArrayList<>();
    for (String[] parts : lines.values()) {
      sets.add(new SeedSetDefinition(parts[1], Integer.parseInt(parts[0]),
          new TreeSet<>(List.of(parts[3].split(","))), rows -> run(loader, parts[1], parts[2], rows)));
    }
    sets.sort(Comparator.comparingInt(SeedSetDefinition::order).thenComparing(SeedSetDefinition::name));
    return new SeedSetIndex(List.copyOf(sets));
  }

  /** Every seed set, sorted by order then name. */
  public List<SeedSetDefinition> all() {
    return all;
  }

  /** The seed sets of {@code env}, sorted by order then name. */
  public List<SeedSetDefinition> forEnv(String env) {
    return all.stream().filter(s -> s.envs().contains(env)).toList();
  }

  /** Every environment some seed set names. */
  public Set<String> environments() {
    Set<String> envs = new TreeSet<>();
    all.forEach(s -> envs.addAll(s.envs()));
    return envs;
  }

  @SuppressWarnings("unchecked")
  private static void run(ClassLoader loader, String setClass, String dbClass, SeedRows rows) {
    SeedSource<SeedDb> source;
    SeedDb db;
    try {
      source = (SeedSource<SeedDb>) Class.forName(setClass, true, loader).getConstructor().newInstance();
      Constructor<?> dbConstructor = Class.forName(dbClass, true, loader).getConstructor(SeedRows.class);
      db = (SeedDb) dbConstructor.newInstance(rows);
    } catch (InvocationTargetException e) {
      throw new SeedException("cannot create seed set " + setClass + ": " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new SeedException("cannot create seed set " + setClass + " listed in " + SeedSet.INDEX
          + " (recompile the project so the index matches its classes): " + e, e);
    }
    source.seed(db);
  }
}
