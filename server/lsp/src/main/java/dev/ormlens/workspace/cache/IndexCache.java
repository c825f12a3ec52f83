package dev.ormlens.workspace.cache;

import dev.ormlens.core.model.FileFacts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * One workspace's saved facts: a single file {@code index.bin} in the cache directory ({@code
 * .ormlens-cache/} under the workspace root unless configured), with a {@code .gitignore} so
 * version control never picks it up.
 *
 * <p>Layout: magic, format number, stamp (ORM Lens version and the fact records' schema), CRC-32
 * and length of the payload, payload. Anything that does not match, does not parse or fails the
 * checksum reads as an empty cache, and the next save replaces it: a cache can make ORM Lens
 * faster, never wrong.
 */
public final class IndexCache {
  /** Turns the cache off ({@code off}) or points it elsewhere (a directory): system property. */
  public static final String DIRECTORY_PROPERTY = "ormlens.cache.dir";

  /** The same as {@link #DIRECTORY_PROPERTY}, as an environment variable. */
  public static final String DIRECTORY_ENV = "ORMLENS_CACHE_DIR";

  /** The directory name under the workspace root. */
  public static final String DEFAULT_DIRECTORY = ".ormlens-cache";

  private static final byte[] MAGIC = "ORMLENS\0".getBytes(StandardCharsets.US_ASCII);
  private static final int FORMAT = 1;
  private static final String FILE = "index.bin";

  /** A file's facts and what they were made from. */
  public record Entry(long size, long modified, long contentHash, FileFacts facts) {}

  private final Path directory;
  private final String stamp;

  IndexCache(Path directory, String version) {
    this.directory = directory;
    this.stamp = version + "|" + Integer.toHexString(FactsCodec.schema().hashCode());
  }

  /**
   * The cache for a workspace root, or empty when turned off. A directory set by {@link
   * #DIRECTORY_PROPERTY} or {@link #DIRECTORY_ENV} gets one subdirectory per workspace.
   */
  public static Optional<IndexCache> forWorkspace(Path root, String version) {
    String configured = System.getProperty(DIRECTORY_PROPERTY, System.getenv(DIRECTORY_ENV));
    if (configured != null && configured.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    Path absolute = root.toAbsolutePath().normalize();
    Path dir =
        configured == null || configured.isBlank()
            ? absolute.resolve(DEFAULT_DIRECTORY)
            : Path.of(configured)
                .resolve(
                    absolute.getFileName()
                        + "-"
                        + Long.toHexString(ContentHash.of(absolute.toString())));
    return Optional.of(new IndexCache(dir, version));
  }

  public Path directory() {
    return directory;
  }

  /** The saved entries by workspace path; empty when missing, stale or damaged. */
  public Map<String, Entry> load() {
    Path file = directory.resolve(FILE);
    try {
      if (!Files.isRegularFile(file)) {
        return Map.of();
      }
      return decode(Files.readAllBytes(file));
    } catch (IOException | RuntimeException e) {
      System.err.println("ormlens: ignoring the index cache " + file + ": " + e);
      return Map.of();
    }
  }

  Map<String, Entry> decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte[] magic = new byte[MAGIC.length];
    if (bytes.length < MAGIC.length + 16) {
      return Map.of();
    }
    in.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC) || in.getInt() != FORMAT) {
      return Map.of();
    }
    byte[] stampBytes = new byte[in.getInt()];
    in.get(stampBytes);
    if (!new String(stampBytes, StandardCharsets.UTF_8).equals(stamp)) {
      return Map.of();
    }
    long crc = in.getLong();
    int length = in.getInt();
    if (length != in.remaining()) {
      return Map.of();
    }
    CRC32 check = new CRC32();
    check.update(bytes, in.position(), length);
    if (check.getValue() != crc) {
      System.err.println("ormlens: the index cache failed its checksum; rebuilding it");
      return Map.of();
    }
    FactsCodec.Reader reader = new FactsCodec.Reader(bytes, in.position());
    int count = reader.varint();
    Map<String, Entry> out = new HashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      long size = reader.varlong();
      long modified = reader.varlong();
      long hash = reader.varlong();
      FileFacts facts = (FileFacts) reader.read();
      out.put(facts.path(), new Entry(size, modified, hash, facts));
    }
    return out;
  }

  byte[] encode(Collection<Entry> entries) {
    FactsCodec.Writer writer = new FactsCodec.Writer();
    writer.varint(entries.size());
    for (Entry e : entries) {
      writer.varlong(e.size());
      writer.varlong(e.modified());
      writer.varlong(e.contentHash());
      writer.write(e.facts());
    }
    byte[] payload = writer.finish();
    byte[] stampBytes = stamp.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(payload);
    ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + 4 + stampBytes.length + 8 + 4);
    out.put(MAGIC).putInt(FORMAT).putInt(stampBytes.length).put(stampBytes);
    out.putLong(crc.getValue()).putInt(payload.length);
    byte[] header = out.array();
    byte[] all = new byte[header.length + payload.length];
    System.arraycopy(header, 0, all, 0, header.length);
    System.arraycopy(payload, 0, all, header.length, payload.length);
    return all;
  }

  /** Replaces the saved entries, atomically: a reader sees the old file or the new, never half. */
  public void save(Collection<Entry> entries) {
    try {
      Files.createDirectories(directory);
      Path ignore = directory.resolve(".gitignore");
      if (!Files.exists(ignore)) {
        Files.writeString(ignore, "# ORM Lens index cache: safe to delete.\n*\n");
      }
      Path temp = Files.createTempFile(directory, FILE, ".tmp");
      Files.write(temp, encode(entries));
      try {
        Files.move(
            temp,
            directory.resolve(FILE),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("ormlens: could not save the index cache in " + directory + ": " + e);
    }
  }
}
