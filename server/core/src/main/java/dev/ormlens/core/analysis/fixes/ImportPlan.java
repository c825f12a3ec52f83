package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.Definition;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.FunctionFact;
import dev.ormlens.core.model.ImportContext;
import dev.ormlens.core.model.ImportFact;
import dev.ormlens.core.model.TableFact;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The imports one file needs added, gathered from several fixes and written once: names are added
 * to an existing {@code from m import ...} of the same module when there is one (keeping its
 * parenthesised or single-line style), else a new statement goes after the last import; names only
 * type checkers need go under {@code if TYPE_CHECKING:}, created or extended.
 */
final class ImportPlan {
  private static final Pattern ALIAS = Pattern.compile("\\G\\s+as\\s+[A-Za-z_]\\w*");

  private final FileFacts file;
  private final PythonText text;
  private final Map<String, Set<String>> runtime = new LinkedHashMap<>();
  private final Map<String, Set<String>> typing = new LinkedHashMap<>();
  private final List<String> typingStatements = new ArrayList<>();

  ImportPlan(FileFacts file, PythonText text) {
    this.file = file;
    this.text = text;
  }

  /** Makes {@code name} from {@code module} bound when the module runs. */
  void runtime(String module, String name) {
    if (!module.equals(file.module()) && !boundAtRunTime(name)) {
      runtime.computeIfAbsent(module, m -> new LinkedHashSet<>()).add(name);
    }
  }

  /** Makes {@code name} from {@code module} visible to type checkers. */
  void typeChecking(String module, String name) {
    if (!module.equals(file.module()) && !bound(name)) {
      typing.computeIfAbsent(module, m -> new LinkedHashSet<>()).add(name);
    }
  }

  /** Moves a whole statement, as written, under {@code if TYPE_CHECKING:}. */
  void typeCheckingStatement(String statement) {
    typingStatements.add(statement);
  }

  boolean isEmpty() {
    return runtime.isEmpty() && typing.isEmpty() && typingStatements.isEmpty();
  }

  boolean bound(String name) {
    return boundAtRunTime(name)
        || file.definitions().stream()
            .anyMatch(
                d -> d.name().equals(name) && d.kind() == Definition.Kind.TYPE_CHECKING_IMPORT);
  }

  boolean boundAtRunTime(String name) {
    return file.definitions().stream()
        .anyMatch(d -> d.name().equals(name) && d.kind() != Definition.Kind.TYPE_CHECKING_IMPORT);
  }

  void emit(EditSet edits) {
    String nl = text.newline();
    int at = insertionPoint();
    StringBuilder fresh = new StringBuilder();
    Map<String, Set<String>> needed = new LinkedHashMap<>(runtime);
    TextRange block = text.typeCheckingBlock();
    boolean anyTyping = !typing.isEmpty() || !typingStatements.isEmpty();
    if (anyTyping && block == null && !boundAtRunTime("TYPE_CHECKING")) {
      needed.computeIfAbsent("typing", m -> new LinkedHashSet<>()).add("TYPE_CHECKING");
    }
    for (Map.Entry<String, Set<String>> e : needed.entrySet()) {
      ImportFact existing = find(e.getKey(), ImportContext.MODULE_LEVEL);
      if (existing != null) {
        extend(edits, existing, e.getValue());
      } else {
        fresh.append(statement(e.getKey(), e.getValue())).append(nl);
      }
    }
    if (anyTyping) {
      String indent = text.indentUnit();
      StringBuilder lines = new StringBuilder();
      for (String statement : typingStatements) {
        for (String line : statement.split("\r\n|\r|\n", -1)) {
          lines.append(line.isBlank() ? "" : indent + line).append(nl);
        }
      }
      for (Map.Entry<String, Set<String>> e : typing.entrySet()) {
        ImportFact existing = block == null ? null : find(e.getKey(), ImportContext.TYPE_CHECKING);
        if (existing != null) {
          extend(edits, existing, e.getValue());
        } else {
          lines.append(indent).append(statement(e.getKey(), e.getValue())).append(nl);
        }
      }
      if (block != null && lines.length() > 0) {
        int end = block.end();
        String prefix = end == text.text().length() && !text.endsWithNewline() ? nl : "";
        edits.insert(file.path(), end, prefix + lines);
      } else if (lines.length() > 0) {
        fresh.append(nl).append("if TYPE_CHECKING:").append(nl).append(lines);
      }
    }
    if (fresh.length() > 0) {
      String prefix = at == text.text().length() && !text.endsWithNewline() ? nl : "";
      edits.insert(file.path(), at, prefix + fresh);
    }
  }

  /** How this file spells an import of {@code module}: relative within its own package. */
  String spell(String module) {
    String pkg = file.packageInit() ? file.module() : parent(file.module());
    if (!pkg.isEmpty()
        && module.startsWith(pkg + ".")
        && module.indexOf('.', pkg.length() + 1) < 0
        && usesRelativeImports()) {
      return "." + module.substring(pkg.length() + 1);
    }
    return module;
  }

  private boolean usesRelativeImports() {
    for (ImportFact f : file.imports()) {
      String written = text.text().substring(f.moduleRange().start(), f.moduleRange().end());
      if (written.startsWith(".")) {
        return true;
      }
    }
    return !file.imports().stream().anyMatch(f -> f.module().startsWith(parent(file.module())))
        && file.module().contains(".");
  }

  private String statement(String module, Set<String> names) {
    return "from " + spell(module) + " import " + String.join(", ", names);
  }

  private ImportFact find(String module, ImportContext context) {
    ImportFact found = null;
    for (ImportFact f : file.imports()) {
      if (f.fromImport()
          && f.context() == context
          && f.module().equals(module)
          && f.names().stream().noneMatch(n -> n.name().equals("*"))) {
        found = f;
      }
    }
    return found;
  }

  /** Adds names to an existing from-import, in its own style. */
  private void extend(EditSet edits, ImportFact statement, Set<String> names) {
    List<String> add = new ArrayList<>();
    for (String n : names) {
      if (statement.names().stream().noneMatch(i -> i.boundName().equals(n))) {
        add.add(n);
      }
    }
    if (add.isEmpty() || statement.names().isEmpty()) {
      return;
    }
    String s = text.text();
    ImportFact.ImportedName last = statement.names().get(statement.names().size() - 1);
    int afterLast = last.range().end();
    Matcher alias = ALIAS.matcher(s);
    alias.region(afterLast, statement.statementRange().end());
    if (alias.lookingAt()) {
      afterLast = alias.end();
    }
    String between = s.substring(afterLast, statement.statementRange().end());
    int close = between.indexOf(')');
    if (close < 0) {
      edits.insert(file.path(), afterLast, ", " + String.join(", ", add));
      return;
    }
    String beforeClose = between.substring(0, close);
    boolean trailingComma = beforeClose.strip().startsWith(",");
    boolean multiLine = beforeClose.contains("\n") || beforeClose.contains("\r");
    if (multiLine) {
      String indent = text.indentationAt(last.range().start());
      StringBuilder sb = new StringBuilder();
      if (!trailingComma) {
        sb.append(',');
      }
      for (String n : add) {
        sb.append(text.newline()).append(indent).append(n).append(',');
      }
      int commaEnd = trailingComma ? afterLast + beforeClose.indexOf(',') + 1 : afterLast;
      edits.insert(file.path(), commaEnd, sb.toString());
    } else if (trailingComma) {
      int commaEnd = afterLast + beforeClose.indexOf(',') + 1;
      edits.insert(file.path(), commaEnd, " " + String.join(", ", add) + ",");
    } else {
      edits.insert(file.path(), afterLast, ", " + String.join(", ", add));
    }
  }

  /** After the last module-level import that precedes the first definition, else the top. */
  int insertionPoint() {
    int firstDefinition = Integer.MAX_VALUE;
    for (ClassFact c : file.classes()) {
      firstDefinition = Math.min(firstDefinition, c.range().start());
    }
    for (FunctionFact f : file.functions()) {
      firstDefinition = Math.min(firstDefinition, f.range().start());
    }
    for (TableFact t : file.tables()) {
      firstDefinition = Math.min(firstDefinition, text.lineStart(t.range().start()));
    }
    int after = -1;
    for (ImportFact f : file.imports()) {
      if (f.context() == ImportContext.MODULE_LEVEL
          && f.statementRange().start() < firstDefinition
          && f.statementRange().end() > after) {
        after = f.statementRange().end();
      }
    }
    TextRange block = text.typeCheckingBlock();
    if (block != null && block.start() < after) {
      after = Math.max(after, block.end() - 1);
    }
    return after >= 0 ? text.nextLineStart(after) : top();
  }

  /** After a shebang, comments and the module docstring at the top of the file. */
  private int top() {
    String s = text.text();
    int i = 0;
    for (PythonTokens.Literal l : text.tokens().literals()) {
      if (s.substring(0, l.range().start()).lines().allMatch(PythonText::isCommentOrBlank)) {
        i = text.nextLineStart(l.range().end());
      }
      break;
    }
    while (i < s.length()) {
      int next = text.nextLineStart(i);
      String line = s.substring(i, next);
      if (!isCommentOrBlankLine(line) || next == i) {
        break;
      }
      i = next;
    }
    return i;
  }

  private static boolean isCommentOrBlankLine(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("#");
  }

  private static String parent(String module) {
    int dot = module.lastIndexOf('.');
    return dot < 0 ? "" : module.substring(0, dot);
  }
}
