package dev.plinth.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.plinth.processor.PlinthProcessor;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.flywaydb.core.Flyway;

/**
 * 7. memory, in a child JVM (so nothing else is on the heap): runs one job and prints the peak
 * heap in use (sum of the heap pools' peaks) and the largest heap left after any GC (the live set).
 *
 * <pre>
 * MemoryProbe processor plinth|noop TABLES WORKDIR
 * MemoryProbe migrate plinth|flyway JDBC_URL MIGRATION_DIR
 * </pre>
 */
public final class MemoryProbe {
  private static final AtomicLong MAX_AFTER_GC = new AtomicLong();

  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    watchGc();
    switch (args[0] + " " + args[1]) {
      case "processor plinth" -> compile(new PlinthProcessor(), Integer.parseInt(args[2]), Path.of(args[3]), true);
      case "processor noop" -> compile(new NoOpProcessor(), Integer.parseInt(args[2]), Path.of(args[3]), false);
      case "migrate plinth" -> dev.plinth.runner.Plinth.create(dev.plinth.runner.RunnerConfig.builder()
          .url(args[2]).user(Pg.USER).locations("filesystem:" + args[3]).build()).migrate();
      case "migrate flyway" -> Flyway.configure().dataSource(args[2], Pg.USER, "")
          .locations("filesystem:" + args[3]).load().migrate();
      default -> throw new IllegalArgumentException(String.join(" ", args));
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        MemoryUsage usage = pool.getPeakUsage();
        peak += usage == null ? 0 : usage.getUsed();
      }
    }
    System.out.println("PEAK_USED " + peak + " MAX_AFTER_GC " + MAX_AFTER_GC.get());
  }

  private static void compile(javax.annotation.processing.Processor processor, int tables, Path work,
      boolean migrations) throws IOException {
    Path db = Files.createTempDirectory(work, "mem-db");
    Javac.compile(SchemaSources.generate(tables), processor, migrations ? db : null, work);
  }

  private static void watchGc() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          return;
        }
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
            .filter(e -> isHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
        MAX_AFTER_GC.accumulateAndGet(used, Math::max);
      }, null, null);
    }
  }

  private static final List<String> HEAP_POOLS = new ArrayList<>();

  private static boolean isHeap(String pool) {
    synchronized (HEAP_POOLS) {
      if (HEAP_POOLS.isEmpty()) {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
            .forEach(p -> HEAP_POOLS.add(p.getName()));
      }
      return HEAP_POOLS.contains(pool);
    }
  }
}
