package dev.ormlens.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.analysis.fixes.Fix;
import dev.ormlens.core.analysis.fixes.Fixes;
import dev.ormlens.core.analysis.fixes.SourceEdits;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.text.TextEdit;
import dev.ormlens.workspace.Discovery;
import dev.ormlens.workspace.Loader;
import dev.ormlens.workspace.SourceFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ormlens fix}: apply the safe fixes (all with {@code --unsafe}) until nothing changes, then
 * write the files, or print a unified diff with {@code --diff}. Uses the same engine call as the
 * editor's fix-all, so the edits are the same.
 */
@Command(
    name = "fix",
    mixinStandardHelpOptions = true,
    description =
        "Apply quick-fixes. Exit 0 when no error remains, 1 when errors remain, 2 on usage or I/O errors.")
final class FixCommand implements Callable<Integer> {
  /** Rounds of fix-all before giving up on reaching a fixed point. */
  static final int MAX_ROUNDS = 10;

  @Parameters(
      arity = "0..*",
      paramLabel = "PATHS",
      description = "Files or directories (default: .)")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--diff", description = "Print a unified diff instead of writing files")
  boolean diff;

  @Option(names = "--unsafe", description = "Also apply fixes that are a judgement call")
  boolean unsafe;

  @Option(
      names = "--select",
      split = ",",
      paramLabel = "CODES",
      description =
          "Only fixes for these diagnostic codes or with these fix ids; a refactoring id (such as"
              + " convert-to-lazy-resolver) applies it to every file")
  List<String> select = new ArrayList<>();

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (paths.isEmpty()) {
      paths.add(Path.of("."));
    }
    Set<String> selected = new HashSet<>();
    select.forEach(
        s ->
            selected.add(
                s.strip().matches("(?i)orm\\d+") ? s.strip().toUpperCase(Locale.ROOT) : s.strip()));
    Fixes.Selection selection = new Fixes.Selection(unsafe, Set.copyOf(selected));
    boolean errors = false;
    for (Path path : paths) {
      if (!Files.exists(path)) {
        System.err.println("ormlens: " + path + ": no such file or directory");
        return 2;
      }
      List<String> notes = new ArrayList<>();
      List<SourceFile> files = Discovery.find(path, notes);
      Session session = Session.load(files, notes);
      notes.forEach(n -> System.err.println("ormlens: note: " + n));
      session.fixToFixedPoint(selection);
      try {
        if (diff) {
          session.printDiff(out);
        } else {
          Path root = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
          session.write(root).forEach(n -> System.err.println("ormlens: note: " + n));
        }
      } catch (IOException e) {
        System.err.println("ormlens: " + e.getMessage());
        return 2;
      }
      errors |= session.hasErrors();
      System.err.println(
          "ormlens: "
              + session.changed().size()
              + " file(s) "
              + (diff ? "would change" : "fixed")
              + " in "
              + session.rounds
              + " round(s)");
    }
    return errors ? 1 : 0;
  }

  /** The workspace's files as they are on disk and as the fixes leave them. */
  static final class Session {
    private final Map<String, SourceFile> files = new TreeMap<>();
    private final Map<String, String> original = new LinkedHashMap<>();
    private final Map<String, Boolean> bom = new LinkedHashMap<>();
    private final Map<String, String> current = new TreeMap<>();
    private Analysis analysis;
    int rounds;

    static Session load(List<SourceFile> sources, List<String> notes) {
      Session s = new Session();
      List<FileFacts> facts = new ArrayList<>();
      for (SourceFile f : sources) {
        Optional<String> text = Loader.read(f, notes);
        if (text.isEmpty()) {
          continue;
        }
        s.files.put(f.path(), f);
        s.original.put(f.path(), text.get());
        s.current.put(f.path(), text.get());
        s.bom.put(f.path(), startsWithBom(f.absolute()));
        facts.add(Loader.facts(f, text.get()));
      }
      s.analysis = new Analysis(WorkspaceIndex.of(facts), AnalysisSettings.DEFAULTS);
      return s;
    }

    /** Runs fix-all on every file, re-reading changed files, until a round changes nothing. */
    void fixToFixedPoint(Fixes.Selection selection) {
      for (rounds = 0; rounds < MAX_ROUNDS; ) {
        rounds++;
        boolean changed = false;
        for (String path : new ArrayList<>(current.keySet())) {
          Fix fix = analysis.fixAll(path, p -> Optional.ofNullable(current.get(p)), selection);
          List<FileFacts> updated = new ArrayList<>();
          for (Map.Entry<String, List<TextEdit>> e : fix.edits().entrySet()) {
            SourceFile file = files.get(e.getKey());
            if (file == null || e.getValue().isEmpty()) {
              // Never edit outside the checked paths.
              continue;
            }
            String text = SourceEdits.apply(current.get(e.getKey()), e.getValue());
            current.put(e.getKey(), text);
            updated.add(Loader.facts(file, text));
          }
          if (!updated.isEmpty()) {
            changed = true;
            analysis = new Analysis(analysis.index().withFiles(updated), analysis.settings());
          }
        }
        if (!changed) {
          break;
        }
      }
    }

    Analysis analysis() {
      return analysis;
    }

    List<String> changed() {
      return current.keySet().stream()
          .filter(p -> !current.get(p).equals(original.get(p)))
          .toList();
    }

    boolean hasErrors() {
      return analysis.allDiagnostics().values().stream()
          .flatMap(List::stream)
          .anyMatch(d -> d.severity() == Severity.ERROR);
    }

    void printDiff(PrintStream out) {
      for (String path : changed()) {
        List<String> before = Arrays.asList(original.get(path).split("\n", -1));
        List<String> after = Arrays.asList(current.get(path).split("\n", -1));
        List<String> unified =
            UnifiedDiffUtils.generateUnifiedDiff(
                "a/" + path, "b/" + path, before, DiffUtils.diff(before, after), 3);
        unified.forEach(out::println);
      }
    }

    /**
     * Writes each changed file through a temporary file and an atomic rename, and returns notes on
     * the files it left alone: a file whose real location is outside {@code root} (reached through
     * a link) is never written, a file changed on disk since it was read is not overwritten, and a
     * link to a file keeps being a link (the file it points at is replaced).
     */
    List<String> write(Path root) throws IOException {
      List<String> notes = new ArrayList<>();
      Path realRoot = root.toRealPath();
      for (String path : changed()) {
        Path target = files.get(path).absolute().toRealPath();
        if (!target.startsWith(realRoot)) {
          notes.add(path + ": not written, it is a link to " + target + ", outside " + root);
          continue;
        }
        if (!original.get(path).equals(onDisk(files.get(path)))) {
          notes.add(path + ": not written, it changed on disk while ormlens fix ran");
          continue;
        }
        byte[] text = current.get(path).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = text;
        if (bom.get(path)) {
          bytes = new byte[text.length + 3];
          bytes[0] = (byte) 0xEF;
          bytes[1] = (byte) 0xBB;
          bytes[2] = (byte) 0xBF;
          System.arraycopy(text, 0, bytes, 3, text.length);
        }
        Path temp = Files.createTempFile(target.getParent(), ".ormlens-", ".tmp");
        try {
          Files.write(temp, bytes);
          try {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
          } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the platform's defaults apply.
          }
          try {
            Files.move(
                temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
          }
        } finally {
          Files.deleteIfExists(temp);
        }
      }
      return notes;
    }

    /** The file's text now, read as it was read at the start; null when it cannot be read. */
    private static String onDisk(SourceFile f) {
      return Loader.read(f, new ArrayList<>()).orElse(null);
    }

    private static boolean startsWithBom(Path file) {
      try (var in = Files.newInputStream(file)) {
        byte[] head = in.readNBytes(3);
        return head.length == 3
            && (head[0] & 0xff) == 0xEF
            && (head[1] & 0xff) == 0xBB
            && (head[2] & 0xff) == 0xBF;
      } catch (IOException e) {
        return false;
      }
    }
  }
}
