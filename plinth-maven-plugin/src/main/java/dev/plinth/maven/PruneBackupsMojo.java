package dev.plinth.maven;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code plinth:prune-backups}: drops the backup schemas ({@code plinth_backup_v*}) that keep the
 * data migrations removed, so that rollback can restore it. Rolling back past a pruned version
 * then loses that data.
 */
@Mojo(name = "prune-backups", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class PruneBackupsMojo extends AbstractPlinthMojo {

  /** Only backups of versions older than this one. */
  @Parameter(property = "plinth.before")
  String before;

  @Override
  void run(Plinth plinth, BuildLog log) {
    Optional<String> olderThan = Optional.ofNullable(before);
    log.info(ResultText.pruned(plinth.pruneBackups(olderThan), olderThan));
  }
}
