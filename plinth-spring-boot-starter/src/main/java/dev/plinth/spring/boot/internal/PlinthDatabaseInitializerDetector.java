package dev.plinth.spring.boot.internal;

import dev.plinth.spring.boot.PlinthMigrationInitializer;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link PlinthMigrationInitializer} initializes the database, so that beans
 * depending on database initialization (JPA, jOOQ, {@code JdbcTemplate}, {@code @DependsOnDatabaseInitialization})
 * are created after it.
 */
public final class PlinthDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(PlinthMigrationInitializer.class);
  }
}
