package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AlterDomain;
import dev.plinth.schema.diff.Change.CreateDomain;
import dev.plinth.schema.diff.Change.DropDomain;
import dev.plinth.schema.diff.Change.RenameDomain;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import java.util.Optional;

/**
 * The domain changes of a migration: renames (with the renames of the other types), then new
 * domains and domains changed in place (before the tables that use them), and dropped domains
 * after everything else has let go of them. A domain whose base type or collation changes cannot
 * be altered: it is dropped and created again, last (the processor refuses that while columns use
 * it).
 */
final class DomainChanges {
  private DomainChanges() {}

  /** {@code current} with the domain renames {@code after} states applied; the changes in {@code phases}. */
  static Schema diff(Schema current, Schema after, SchemaDiff.Phases phases) {
    Schema result = current;
    for (Domain domain : after.domains()) {
      if (domain.renamedFrom() == null) {
        continue;
      }
      QualifiedName from = new QualifiedName(domain.name().schema(), domain.renamedFrom());
      if (result.domain(domain.name()).isEmpty() && result.domain(from).isPresent()
          && after.domain(from).isEmpty()) {
        RenameDomain rename = new RenameDomain(from, domain.name());
        phases.renames.add(rename);
        result = rename.applyTo(result);
      }
    }
    for (Domain old : result.domains()) {
      Optional<Domain> now = after.domain(old.name());
      if (now.isEmpty() || !alterable(old, now.get())) {
        phases.dropDomains.add(new DropDomain(old));
        // Made again right after the drop: no column uses it meanwhile (see the class comment).
        now.ifPresent(d -> phases.dropDomains.add(new CreateDomain(recorded(d))));
      } else if (!old.definition().equals(now.get().definition())) {
        phases.domains.add(new AlterDomain(old, recorded(now.get())));
      }
    }
    for (Domain domain : after.domains()) {
      if (result.domain(domain.name()).isEmpty()) {
        phases.domains.add(new CreateDomain(recorded(domain)));
      }
    }
    return result;
  }

  /** Whether {@code ALTER DOMAIN} turns {@code before} into {@code after}: same base type and collation. */
  static boolean alterable(Domain before, Domain after) {
    return before.baseType().equals(after.baseType())
        && java.util.Objects.equals(before.collation(), after.collation());
  }

  /** The domain as the journal records it: without the rename hint, with the declaring class. */
  private static Domain recorded(Domain domain) {
    return new Domain(domain.name(), domain.javaClass(), domain.baseType(), domain.notNull(),
        domain.defaultSql(), domain.checks(), domain.collation(), domain.comment(), null);
  }
}
