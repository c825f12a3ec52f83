package dev.ormlens.python;

import dev.ormlens.core.model.Binding;
import dev.ormlens.core.model.Definition;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.FunctionFact;
import dev.ormlens.core.model.ImportContext;
import dev.ormlens.core.model.ImportFact;
import dev.ormlens.core.model.NameRef;
import dev.ormlens.core.text.LineMap;
import dev.ormlens.core.text.TextRange;
import dev.ormlens.python.PythonTokens.Kind;
import dev.ormlens.python.PythonTokens.Line;
import dev.ormlens.python.PythonTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a file that {@link PreScan} found free of model facts from its tokens alone: imports (for
 * the import graph and re-exports), module-level definitions, and functions with what a lazy
 * resolver returns. Produces exactly the facts {@link FactExtractor} would, or null when the file
 * has a shape it does not follow (then the caller parses it). Syntax errors are not looked for: a
 * file without model facts gets its ORM001 diagnostics when it is opened and parsed in full.
 */
final class LightReader {
  private static final Set<String> KEYWORDS =
      Set.of(
          "False",
          "None",
          "True",
          "and",
          "as",
          "assert",
          "async",
          "await",
          "break",
          "class",
          "continue",
          "def",
          "del",
          "elif",
          "else",
          "except",
          "finally",
          "for",
          "from",
          "global",
          "if",
          "import",
          "in",
          "is",
          "lambda",
          "nonlocal",
          "not",
          "or",
          "pass",
          "raise",
          "return",
          "try",
          "while",
          "with",
          "yield",
          "print",
          "exec");

  /** A statement: its first logical line and, for a compound statement, its body. */
  private record Stmt(Line line, List<Stmt> body) {
    String keyword() {
      return line.first().kind() == Kind.NAME ? line.first().text() : "";
    }

    /** The last logical line of the statement, nested bodies included. */
    Line lastLine() {
      return body.isEmpty() ? line : body.get(body.size() - 1).lastLine();
    }
  }

  /** A module-level statement and the context it runs in, as {@code FactExtractor} flattens. */
  private record Placed(Stmt stmt, ImportContext context) {}

  /** Thrown to give up on the file; never escapes {@link #read}. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private final String path;
  private final String module;
  private final boolean packageInit;
  private final String text;
  private final List<Line> lines;
  private final List<PythonTokens.Comment> comments;
  private int pos;
  private final ModuleScope scope = new ModuleScope(null);
  private final List<ImportFact> imports = new ArrayList<>();
  private final List<Definition> definitions = new ArrayList<>();
  private final List<FunctionFact> functions = new ArrayList<>();

  private LightReader(
      String path, String module, boolean packageInit, String text, PythonTokens.Source source) {
    this.path = path;
    this.module = module;
    this.packageInit = packageInit;
    this.text = text;
    this.lines = source.lines();
    this.comments = source.comments();
  }

  /** The file's facts, or null when it must be parsed. */
  static FileFacts read(String path, String module, boolean packageInit, String text) {
    PythonTokens.Source source = PythonTokens.read(text);
    if (source == null) {
      return null;
    }
    try {
      return new LightReader(path, module, packageInit, text, source).extract();
    } catch (Unsupported | IndexOutOfBoundsException e) {
      return null;
    }
  }

  private FileFacts extract() {
    List<Stmt> module = block(0);
    if (pos != lines.size()) {
      throw new Unsupported();
    }
    List<Placed> placed = new ArrayList<>();
    flatten(module, ImportContext.MODULE_LEVEL, placed);
    for (Placed p : placed) {
      bind(p);
    }
    for (Placed p : placed) {
      if (p.stmt().keyword().equals("def")) {
        functions.add(function(p.stmt()));
      }
    }
    LineMap lineMap = LineMap.of(text);
    return new FileFacts(
        path,
        this.module,
        packageInit,
        text.hashCode() * 31L + text.length(),
        lineMap,
        List.copyOf(imports),
        DynamicImports.find(text),
        List.copyOf(definitions),
        List.of(),
        List.of(),
        List.copyOf(functions),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Suppressions.find(text, lineMap));
  }

  // ---- structure

  private List<Stmt> block(int indent) {
    List<Stmt> out = new ArrayList<>();
    while (pos < lines.size()) {
      Line line = lines.get(pos);
      if (line.indent() < indent) {
        break;
      }
      if (line.indent() > indent) {
        throw new Unsupported();
      }
      pos++;
      Token last = line.last();
      if (last.is(":") && last.depth() == 0) {
        if (pos >= lines.size() || lines.get(pos).indent() <= indent) {
          throw new Unsupported();
        }
        out.add(new Stmt(line, block(lines.get(pos).indent())));
      } else {
        String keyword = line.first().text();
        if (Set.of("if", "elif", "else", "try", "except", "finally", "with", "def", "for")
                .contains(keyword)
            || Set.of("while", "class", "async").contains(keyword)) {
          throw new Unsupported(); // A one-line compound statement.
        }
        out.add(new Stmt(line, List.of()));
      }
    }
    return out;
  }

  private void flatten(List<Stmt> block, ImportContext context, List<Placed> out) {
    for (Stmt s : block) {
      if (s.body().isEmpty()) {
        out.add(new Placed(s, context));
        continue;
      }
      switch (s.keyword()) {
        case "if" -> {
          String condition = textBetween(s.line(), 1, s.line().tokens().size() - 1);
          flatten(
              s.body(),
              isTypeCheckingTest(condition) ? ImportContext.TYPE_CHECKING : conditional(context),
              out);
        }
        case "elif", "else", "try", "except", "finally", "with" ->
            flatten(s.body(), conditional(context), out);
        case "def" -> out.add(new Placed(s, context));
        default -> throw new Unsupported();
      }
    }
  }

  private String textBetween(Line line, int from, int to) {
    if (from >= to) {
      throw new Unsupported();
    }
    return text.substring(line.tokens().get(from).start(), line.tokens().get(to - 1).end());
  }

  private static boolean isTypeCheckingTest(String condition) {
    String c = condition.strip();
    return c.equals("TYPE_CHECKING") || c.endsWith(".TYPE_CHECKING");
  }

  private static ImportContext conditional(ImportContext context) {
    return context == ImportContext.TYPE_CHECKING ? context : ImportContext.CONDITIONAL;
  }

  // ---- pass 1: names bound at module level (as FactExtractor.bind)

  private void bind(Placed p) {
    Stmt s = p.stmt();
    List<Token> t = s.line().tokens();
    boolean typeChecking = p.context() == ImportContext.TYPE_CHECKING;
    switch (s.keyword()) {
      case "import", "from" -> {
        ImportFact fact = importFact(s.line(), p.context());
        if (fact == null) {
          return;
        }
        imports.add(fact);
        Binding binding = typeChecking ? Binding.TYPE_CHECKING_ONLY : Binding.IMPORTED;
        Definition.Kind kind =
            typeChecking ? Definition.Kind.TYPE_CHECKING_IMPORT : Definition.Kind.IMPORT;
        int statementStart = s.line().start();
        if (fact.fromImport()) {
          for (ImportFact.ImportedName n : fact.names()) {
            String target = fact.module().isEmpty() ? n.name() : fact.module() + "." + n.name();
            scope.bind(n.boundName(), target, binding);
            definitions.add(new Definition(n.boundName(), n.range(), kind, statementStart, target));
          }
        } else if (fact.alias() != null) {
          scope.bind(fact.alias(), fact.module(), binding);
          definitions.add(
              new Definition(
                  fact.alias(), fact.moduleRange(), kind, statementStart, fact.module()));
        } else {
          String head = fact.module().split("\\.")[0];
          scope.bind(head, head, binding);
          definitions.add(new Definition(head, fact.moduleRange(), kind, statementStart, head));
        }
      }
      case "def" -> {
        Token name = t.get(1);
        if (name.kind() != Kind.NAME || KEYWORDS.contains(name.text())) {
          throw new Unsupported();
        }
        scope.bind(name.text(), qualify(name.text()), Binding.DEFINED_HERE);
        definitions.add(
            new Definition(
                name.text(), range(name), Definition.Kind.FUNCTION, s.line().start(), null));
      }
      default -> {
        Token first = t.get(0);
        if (first.kind() == Kind.NAME
            && !KEYWORDS.contains(first.text())
            && t.size() > 1
            && (t.get(1).is("=") || t.get(1).is(":"))) {
          String alias = aliasTarget(t);
          scope.bind(first.text(), qualify(first.text()), Binding.DEFINED_HERE);
          definitions.add(
              new Definition(
                  first.text(), range(first), Definition.Kind.ASSIGNMENT, s.line().start(), alias));
        }
      }
    }
  }

  /**
   * For {@code name = other} or {@code name = module.attr} (parentheses unwrapped), what the right
   * side denotes through the names bound so far; null for anything else (as {@code
   * FactExtractor.aliasTarget}).
   */
  private String aliasTarget(List<Token> t) {
    int equals = -1;
    for (int k = 1; k < t.size(); k++) {
      if (t.get(k).is("=") && t.get(k).depth() == 0) {
        if (equals >= 0) {
          return null; // `a = b = c`: the right side is itself an assignment.
        }
        equals = k;
      }
    }
    if (equals < 0) {
      return null;
    }
    List<Token> v = t.subList(equals + 1, t.size());
    while (v.size() >= 2 && v.get(0).is("(") && matching(v, 0) == v.size() - 1) {
      v = v.subList(1, v.size() - 1);
    }
    if (v.isEmpty()
        || v.size() % 2 == 0
        || v.get(0).kind() != Kind.NAME
        || KEYWORDS.contains(v.get(0).text())) {
      return null;
    }
    for (int k = 1; k < v.size(); k++) {
      Token token = v.get(k);
      if ((k % 2 == 1 ? !token.is(".") : token.kind() != Kind.NAME)
          || token.start() != v.get(k - 1).end()) {
        return null;
      }
    }
    String written = text.substring(v.get(0).start(), v.get(v.size() - 1).end());
    ModuleScope.Bound bound = scope.qualify(written);
    return bound.binding() == Binding.UNBOUND ? null : bound.qualified();
  }

  private String qualify(String name) {
    return module.isEmpty() ? name : module + "." + name;
  }

  private static TextRange range(Token t) {
    return new TextRange(t.start(), t.end());
  }

  // ---- imports (as Imports.read)

  private ImportFact importFact(Line line, ImportContext context) {
    List<Token> t = line.tokens();
    TextRange statement = new TextRange(line.start(), line.end());
    if (t.get(0).is("import")) {
      int[] next = {1};
      TextRange dotted = dotted(t, next);
      String alias = null;
      if (next[0] < t.size() && t.get(next[0]).is("as")) {
        alias = name(t, next[0] + 1).text();
        next[0] += 2;
      }
      rest(t, next[0]);
      return new ImportFact(compact(dotted), dotted, false, List.of(), alias, context, statement);
    }
    int k = 1;
    int level = 0;
    int firstDot = -1;
    int lastDot = -1;
    while (t.get(k).is(".") || t.get(k).is("...")) {
      firstDot = firstDot < 0 ? t.get(k).start() : firstDot;
      lastDot = t.get(k).end();
      k++;
    }
    if (firstDot >= 0) {
      level = text.substring(firstDot, lastDot).strip().length();
    }
    String resolved;
    TextRange moduleRange;
    if (firstDot >= 0) {
      String relative = null;
      int end = lastDot;
      if (!t.get(k).is("import")) {
        int[] next = {k};
        TextRange dotted = dotted(t, next);
        relative = compact(dotted);
        end = dotted.end();
        k = next[0];
      }
      resolved = PythonModules.resolveRelative(module, packageInit, level, relative);
      moduleRange = new TextRange(firstDot, end);
    } else {
      int[] next = {k};
      moduleRange = dotted(t, next);
      resolved = compact(moduleRange);
      k = next[0];
      if (resolved.equals("__future__")) {
        return null; // A future statement: tree-sitter's own node, not an import.
      }
    }
    if (!t.get(k).is("import")) {
      throw new Unsupported();
    }
    k++;
    List<ImportFact.ImportedName> names = new ArrayList<>();
    if (t.get(k).is("*")) {
      if (k + 1 != t.size()) {
        throw new Unsupported();
      }
    } else {
      boolean parenthesized = t.get(k).is("(");
      if (parenthesized) {
        k++;
        if (!t.get(t.size() - 1).is(")")) {
          throw new Unsupported();
        }
      }
      int end = parenthesized ? t.size() - 1 : t.size();
      while (k < end) {
        int[] next = {k};
        TextRange dotted = dotted(t, next);
        k = next[0];
        String alias = null;
        if (k < end && t.get(k).is("as")) {
          alias = name(t, k + 1).text();
          k += 2;
        }
        names.add(new ImportFact.ImportedName(compact(dotted), alias, dotted));
        if (k < end) {
          if (!t.get(k).is(",")) {
            throw new Unsupported();
          }
          k++;
        }
      }
      if (names.isEmpty()) {
        throw new Unsupported();
      }
    }
    return new ImportFact(
        resolved, moduleRange, true, List.copyOf(names), null, context, statement);
  }

  /** {@code import a, b.c as d}: tree-sitter reads only the first name; the rest must be valid. */
  private static void rest(List<Token> t, int k) {
    while (k < t.size()) {
      if (!t.get(k).is(",")) {
        throw new Unsupported();
      }
      int[] next = {k + 1};
      dotted(t, next);
      k = next[0];
      if (k < t.size() && t.get(k).is("as")) {
        name(t, k + 1);
        k += 2;
      }
    }
  }

  private static TextRange dotted(List<Token> t, int[] next) {
    int k = next[0];
    Token first = name(t, k);
    Token last = first;
    k++;
    while (k + 1 < t.size() && t.get(k).is(".") && t.get(k + 1).kind() == Kind.NAME) {
      last = t.get(k + 1);
      k += 2;
    }
    next[0] = k;
    return new TextRange(first.start(), last.end());
  }

  private static Token name(List<Token> t, int k) {
    Token token = t.get(k);
    if (token.kind() != Kind.NAME || KEYWORDS.contains(token.text())) {
      throw new Unsupported();
    }
    return token;
  }

  private String compact(TextRange range) {
    return text.substring(range.start(), range.end()).replaceAll("\\s+", "");
  }

  // ---- pass 2: functions (as Functions.read)

  private FunctionFact function(Stmt s) {
    List<Token> t = s.line().tokens();
    Token name = t.get(1);
    if (!t.get(2).is("(")) {
      throw new Unsupported();
    }
    int close = matching(t, 2);
    List<String> parameters = new ArrayList<>();
    int from = 3;
    for (int k = 3; k <= close; k++) {
      if (k == close || (t.get(k).is(",") && t.get(k).depth() == 1)) {
        parameter(t.subList(from, k), parameters);
        from = k + 1;
      }
    }
    ModuleScope local = new ModuleScope(scope);
    for (String p : parameters) {
      local.bind(p, p, Binding.DEFINED_HERE);
    }
    NameRef returns = null;
    for (Stmt statement : s.body()) {
      String keyword = statement.keyword();
      if (!statement.body().isEmpty()) {
        continue;
      }
      if (keyword.equals("import") || keyword.equals("from")) {
        ImportFact fact = importFact(statement.line(), ImportContext.FUNCTION);
        if (fact == null) {
          throw new Unsupported();
        }
        imports.add(fact);
        bindLocal(local, fact);
      } else if (keyword.equals("return") && statement.line().tokens().size() > 1) {
        NameRef value = returnedName(statement.line().tokens(), local);
        if (value != null) {
          returns = value;
        }
      }
    }
    return new FunctionFact(
        name.text(),
        range(name),
        new TextRange(s.line().start(), end(s)),
        List.copyOf(parameters),
        returns,
        false);
  }

  /**
   * Where tree-sitter ends a compound statement: after its last line's trailing comment and the
   * comments that follow at the body's indentation or deeper (a shallower one dedents first).
   */
  private int end(Stmt s) {
    Line last = s.lastLine();
    int end = last.endWithComment();
    int next = lines.indexOf(last) + 1;
    int bodyIndent = s.body().get(0).line().indent();
    for (PythonTokens.Comment c : comments) {
      if (c.nextLine() == next) {
        if (c.indent() < bodyIndent) {
          break;
        }
        end = c.end();
      }
    }
    return end;
  }

  private static int matching(List<Token> t, int open) {
    int depth = t.get(open).depth();
    for (int k = open + 1; k < t.size(); k++) {
      if (t.get(k).depth() == depth && (t.get(k).is(")") || t.get(k).is("]"))) {
        return k;
      }
    }
    throw new Unsupported();
  }

  /** One parameter as tree-sitter names it: {@code a}, {@code a: T}, {@code a=1}, {@code *a}. */
  private static void parameter(List<Token> p, List<String> out) {
    if (p.isEmpty()) {
      return;
    }
    Token first = p.get(0);
    if (first.kind() == Kind.NAME) {
      if (KEYWORDS.contains(first.text())
          || (p.size() > 1 && !p.get(1).is(":") && !p.get(1).is("="))) {
        throw new Unsupported();
      }
      out.add(first.text());
      return;
    }
    if (first.is("*") || first.is("/")) {
      if (p.size() == 1) {
        return;
      }
    }
    if ((first.is("*") || first.is("**")) && p.size() == 2 && p.get(1).kind() == Kind.NAME) {
      out.add(p.get(1).text());
      return;
    }
    throw new Unsupported();
  }

  private static void bindLocal(ModuleScope local, ImportFact fact) {
    if (fact.fromImport()) {
      for (ImportFact.ImportedName n : fact.names()) {
        local.bind(n.boundName(), fact.module() + "." + n.name(), Binding.FUNCTION_LOCAL);
      }
    } else if (fact.alias() != null) {
      local.bind(fact.alias(), fact.module(), Binding.FUNCTION_LOCAL);
    } else {
      String head = fact.module().split("\\.")[0];
      local.bind(head, head, Binding.FUNCTION_LOCAL);
    }
  }

  /** {@code return Child} or {@code return models.Child}, parentheses unwrapped; else null. */
  private NameRef returnedName(List<Token> tokens, ModuleScope local) {
    List<Token> v = tokens.subList(1, tokens.size());
    while (v.size() >= 2 && v.get(0).is("(") && matching(v, 0) == v.size() - 1) {
      v = v.subList(1, v.size() - 1);
    }
    if (v.isEmpty() || v.get(0).is("lambda") || v.get(0).is("yield")) {
      if (!v.isEmpty() && v.get(0).is("lambda")) {
        throw new Unsupported(); // The from_clause helper shape: let the parser read it.
      }
      return null;
    }
    if (v.size() % 2 == 0 || v.get(0).kind() != Kind.NAME || KEYWORDS.contains(v.get(0).text())) {
      return null;
    }
    for (int k = 1; k < v.size(); k++) {
      boolean expectDot = k % 2 == 1;
      Token token = v.get(k);
      if (expectDot ? !token.is(".") : token.kind() != Kind.NAME) {
        return null;
      }
      if (token.start() != v.get(k - 1).end()) {
        throw new Unsupported();
      }
    }
    String written = text.substring(v.get(0).start(), v.get(v.size() - 1).end());
    String head = written.split("\\.")[0];
    ModuleScope.Bound bound = local.qualify(written);
    Binding binding =
        local.lookup(head) != scope.lookup(head) ? Binding.FUNCTION_LOCAL : bound.binding();
    return new NameRef(
        written,
        bound.qualified(),
        binding,
        new TextRange(v.get(0).start(), v.get(v.size() - 1).end()));
  }
}
