package dev.ormlens.workspace;

import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.python.PythonFrontEnd;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads workspace files and turns them into facts, in parallel across cores. A file that cannot be
 * read (too large, binary, not UTF-8, unreadable) is skipped with a note, never a crash.
 */
public final class Loader {
  /** Files above this size are generated code or data, not models: skipped with a note. */
  public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

  private static final Pattern CODING =
      Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)", Pattern.MULTILINE);

  private Loader() {}

  /** The text of a file, or empty with a note saying why it was skipped. */
  public static Optional<String> read(SourceFile file, List<String> notes) {
    try {
      long size = Files.size(file.absolute());
      if (size > MAX_FILE_BYTES) {
        notes.add(
            file.path()
                + ": skipped ("
                + size / 1024
                + " KiB is larger than the "
                + MAX_FILE_BYTES / 1024 / 1024
                + " MiB limit for model files)");
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file.absolute());
      for (byte b : bytes) {
        if (b == 0) {
          notes.add(file.path() + ": skipped (binary file)");
          return Optional.empty();
        }
      }
      return Optional.of(decode(bytes));
    } catch (CharacterCodingException e) {
      notes.add(file.path() + ": skipped (not valid UTF-8, and no coding declaration)");
    } catch (IOException | SecurityException e) {
      notes.add(file.path() + ": skipped (cannot read: " + e.getMessage() + ")");
    }
    return Optional.empty();
  }

  /**
   * UTF-8 (with or without a byte-order mark), or the encoding a PEP 263 declaration names in the
   * first two lines ({@code # -*- coding: latin-1 -*-}), as Python itself reads source.
   */
  static String decode(byte[] bytes) throws CharacterCodingException {
    Charset declared = declaredCharset(bytes);
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    return declared
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
        .toString();
  }

  private static Charset declaredCharset(byte[] bytes) {
    int end = 0;
    for (int lines = 0; end < bytes.length && lines < 2; end++) {
      if (bytes[end] == '\n') {
        lines++;
      }
    }
    Matcher m =
        CODING.matcher(new String(bytes, 0, Math.min(end, 400), StandardCharsets.ISO_8859_1));
    if (m.find()) {
      try {
        String name = m.group(1).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        // Python's spellings Java does not know as aliases.
        if (name.startsWith("utf-8") || name.equals("utf8")) {
          return StandardCharsets.UTF_8;
        }
        if (name.matches("(iso-)?latin-?1")) {
          return StandardCharsets.ISO_8859_1;
        }
        return Charset.forName(name);
      } catch (IllegalArgumentException e) {
        // Python fails on an unknown encoding; the UTF-8 attempt then reports the file.
      }
    }
    return StandardCharsets.UTF_8;
  }

  public static FileFacts facts(SourceFile file, String text) {
    return PythonFrontEnd.extract(file.path(), file.module(), text);
  }

  /**
   * Reads and extracts every file, in parallel, into one snapshot, reusing the workspace's index
   * cache ({@link dev.ormlens.workspace.cache.IndexCache}) for unchanged files.
   */
  public static WorkspaceIndex load(List<SourceFile> files, List<String> notes) {
    return WorkspaceScan.load(files, notes, WorkspaceScan.cacheFor(files));
  }

  /**
   * Like {@link #load}, handing over facts chunk by chunk (doubling from {@code chunkSize}, with
   * the count of files done), for a server that answers requests while it indexes. {@code root} is
   * the workspace folder the index cache belongs to; the files' workspace paths may be any keys.
   */
  public static void load(
      Path root,
      List<SourceFile> files,
      List<String> notes,
      int chunkSize,
      BiConsumer<List<FileFacts>, Integer> chunks) {
    WorkspaceScan.load(files, notes, WorkspaceScan.cacheAt(root, files), chunkSize, chunks);
  }
}
