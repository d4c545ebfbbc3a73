package dev.plinth.cli.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The lock file of a data directory ({@code postgres.lock} next to {@code postgres}: initdb wants an
 * empty directory), with two one-byte regions that processes lock with {@link FileChannel#lock}:
 *
 * <ul>
 *   <li>byte 0, exclusive, while finding, starting, recording or stopping the server, so two
 *       processes on one data directory never start two servers;
 *   <li>byte 1, shared, by every process using the server; whoever can lock it exclusively is its
 *       last user, and stops a server that was started for commands only.
 * </ul>
 *
 * The operating system releases both when a process dies, even by SIGKILL.
 */
final class DataDirectoryLock implements AutoCloseable {

  private final FileChannel channel;
  private FileLock using;

  private DataDirectoryLock(FileChannel channel) {
    this.channel = channel;
  }

  static DataDirectoryLock open(Path data) throws IOException {
    Files.createDirectories(data.getParent());
    return new DataDirectoryLock(FileChannel.open(data.resolveSibling(data.getFileName() + ".lock"),
        StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
  }

  /** Waits for the right to find, start or stop the server; close the result to give it back. */
  FileLock exclusive() throws IOException {
    return channel.lock(0, 1, false);
  }

  /** Marks this process as a user of the server until {@link #close()}. */
  void use() throws IOException {
    using = channel.lock(1, 1, true);
  }

  /** Ends this process's use; then the right to stop the server if no other process uses it. */
  Optional<FileLock> lastUser() throws IOException {
    if (using != null) {
      using.release();
      using = null;
    }
    return Optional.ofNullable(channel.tryLock(1, 1, false));
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
