package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Lookup;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.Symbol;
import dev.ormlens.core.model.Definition;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.FunctionFact;
import dev.ormlens.core.model.RelationshipFact;
import dev.ormlens.core.model.SecondaryExpr;
import dev.ormlens.core.model.TargetExpr;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites a set of relationships to lazy resolver suppliers, writing each resolver once: {@code
 * relationship(resolve_child, secondary=from_clause(resolve_association))}, with {@code
 * resolve_<name>()} (typed, importing inside its body) and the typed {@code from_clause} helper in
 * the resolver module, and the names they need imported. Existing resolvers, whatever their name,
 * and an existing {@code from_clause}-shaped helper are reused.
 */
final class ResolverPlan {
  /** A function some module defines: where to import it from. */
  record Function(String module, String name) {}

  private final FixContext context;
  private final EditSet edits = new EditSet();
  private final Map<String, ImportPlan> imports = new LinkedHashMap<>();
  private final Map<String, Function> resolvers = new HashMap<>();
  private final Map<String, StringBuilder> appended = new LinkedHashMap<>();
  private Function fromClause;

  ResolverPlan(FixContext context) {
    this.context = context;
  }

  /** Whether the relationship has a target or secondary this fix can convert. */
  static boolean convertible(FixContext context, ResolvedRelationship r) {
    return resolverModule(context, r.site().owner()).isPresent()
        && (convertsTarget(r) || convertsSecondary(r));
  }

  /** Converts one relationship; false when a needed file's text is unavailable. */
  boolean convert(ResolvedRelationship r) {
    MappedClass owner = r.site().owner();
    FileFacts ownerFile = r.site().file();
    Optional<PythonText> text = context.text(ownerFile.path());
    Optional<FileFacts> resolverFile = resolverModule(context, owner);
    if (text.isEmpty()
        || resolverFile.isEmpty()
        || context.text(resolverFile.get().path()).isEmpty()) {
      return false;
    }
    RelationshipFact fact = r.site().fact();
    ImportPlan ownerImports = plan(ownerFile, text.get());
    if (convertsTarget(r)) {
      Function resolver = resolver(r.targetClass(), resolverFile.get());
      ownerImports.runtime(resolver.module(), resolver.name());
      TargetExpr t = fact.target();
      if (t == null) {
        insertFirstArgument(text.get(), ownerFile.path(), fact, resolver.name());
      } else {
        edits.replace(ownerFile.path(), t.range(), resolver.name());
      }
    }
    if (convertsSecondary(r)) {
      MappedClass association =
          context.model().mappedClass(r.secondaryTable().mappedClass()).orElseThrow();
      Function resolver = resolver(association, resolverFile.get());
      Function helper = fromClause(resolverFile.get());
      ownerImports.runtime(resolver.module(), resolver.name());
      ownerImports.runtime(helper.module(), helper.name());
      edits.replace(
          ownerFile.path(), fact.secondary().range(), helper.name() + "(" + resolver.name() + ")");
    }
    return true;
  }

  /** The code action kind of the conversion: a refactoring. */
  static final String KIND = "refactor.rewrite";

  /** Unsafe: which modules get imported when changes (see ORM202). */
  static final boolean SAFE = false;

  /**
   * The edits of every conversion so far, with the resolver modules' additions and imports. Called
   * once, when the plan is complete.
   */
  EditSet edits() {
    appended.forEach(
        (path, code) -> {
          PythonText t = context.text(path).orElseThrow();
          String prefix = t.endsWithNewline() ? "" : t.newline();
          edits.insert(path, t.text().length(), prefix + code);
        });
    imports.values().forEach(p -> p.emit(edits));
    return edits;
  }

  static boolean convertsTarget(ResolvedRelationship r) {
    if (r.targetClass() == null) {
      return false;
    }
    TargetExpr t = r.site().fact().target();
    if (t == null) {
      return r.site().fact().annotation() != null;
    }
    if (t instanceof TargetExpr.Name) {
      return r.target() instanceof Lookup.FoundClass fc && fc.viaResolver() == null;
    }
    return t instanceof TargetExpr.Text || t instanceof TargetExpr.Lambda;
  }

  static boolean convertsSecondary(ResolvedRelationship r) {
    SecondaryExpr s = r.site().fact().secondary();
    if (s == null || r.secondaryTable() == null || r.secondaryTable().mappedClass() == null) {
      return false;
    }
    return s instanceof SecondaryExpr.Text
        || s instanceof SecondaryExpr.Name
        || s instanceof SecondaryExpr.TableOf
        || s instanceof SecondaryExpr.Lambda;
  }

  /** The module resolvers go in: the setting, else the module defining the owner's base. */
  static Optional<FileFacts> resolverModule(FixContext context, MappedClass owner) {
    String configured = context.analysis().settings().resolverModule();
    if (configured != null && !configured.isBlank()) {
      return context.analysis().index().module(configured.strip());
    }
    return context
        .model()
        .registry(owner.registryId())
        .map(OrmModel.Registry::file)
        .filter(f -> f != null && !f.module().isEmpty());
  }

  private ImportPlan plan(FileFacts file, PythonText text) {
    return imports.computeIfAbsent(file.path(), p -> new ImportPlan(file, text));
  }

  private Function resolver(MappedClass target, FileFacts resolverFile) {
    Function known = resolvers.get(target.qualifiedName());
    if (known != null) {
      return known;
    }
    Function existing = existingResolver(target);
    if (existing != null) {
      resolvers.put(target.qualifiedName(), existing);
      return existing;
    }
    PythonText text = context.text(resolverFile.path()).orElseThrow();
    String name = freshName(resolverFile, "resolve_" + snakeCase(target.name()));
    String nl = text.newline();
    String indent = text.indentUnit();
    StringBuilder code = appended.computeIfAbsent(resolverFile.path(), p -> new StringBuilder());
    code.append(nl)
        .append(nl)
        .append("def ")
        .append(name)
        .append("() -> type[")
        .append(text.quoted(target.name()))
        .append("]:")
        .append(nl);
    if (target.module().equals(resolverFile.module())) {
      code.append(indent).append("return ").append(target.name()).append(nl);
    } else {
      ImportPlan plan = plan(resolverFile, text);
      code.append(indent)
          .append("from ")
          .append(plan.spell(target.module()))
          .append(" import ")
          .append(target.name())
          .append(nl)
          .append(nl)
          .append(indent)
          .append("return ")
          .append(target.name())
          .append(nl);
      plan.typeChecking(target.module(), target.name());
    }
    Function created = new Function(resolverFile.module(), name);
    resolvers.put(target.qualifiedName(), created);
    return created;
  }

  private Function fromClause(FileFacts resolverFile) {
    if (fromClause != null) {
      return fromClause;
    }
    for (FileFacts f : sorted()) {
      for (FunctionFact fn : f.functions()) {
        if (fn.returnsTableOfParameter() && fn.parameters().size() == 1) {
          fromClause = new Function(f.module(), fn.name());
          return fromClause;
        }
      }
    }
    PythonText text = context.text(resolverFile.path()).orElseThrow();
    String name = freshName(resolverFile, "from_clause");
    String nl = text.newline();
    ImportPlan plan = plan(resolverFile, text);
    plan.runtime("collections.abc", "Callable");
    plan.runtime("sqlalchemy", "FromClause");
    plan.runtime("sqlalchemy.orm", "DeclarativeBase");
    StringBuilder code = appended.computeIfAbsent(resolverFile.path(), p -> new StringBuilder());
    code.append(nl)
        .append(nl)
        .append("def ")
        .append(name)
        .append("(fn: Callable[[], type[DeclarativeBase]]) -> Callable[[], FromClause]:")
        .append(nl)
        .append(text.indentUnit())
        .append("return lambda: fn().__table__")
        .append(nl);
    fromClause = new Function(resolverFile.module(), name);
    return fromClause;
  }

  /** A workspace function that returns the class, through its body's import. */
  private Function existingResolver(MappedClass target) {
    for (FileFacts f : sorted()) {
      for (FunctionFact fn : f.functions()) {
        if (fn.returns() == null || !fn.parameters().isEmpty()) {
          continue;
        }
        Symbol s = context.analysis().index().resolve(fn.returns().qualified());
        if (s instanceof Symbol.Class c && c.qualifiedName().equals(target.qualifiedName())) {
          return new Function(f.module(), fn.name());
        }
      }
    }
    return null;
  }

  private List<FileFacts> sorted() {
    return context.analysis().index().files().stream()
        .sorted(java.util.Comparator.comparing(FileFacts::path))
        .toList();
  }

  private String freshName(FileFacts file, String base) {
    String name = base;
    for (int i = 2; taken(file, name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private boolean taken(FileFacts file, String name) {
    for (Definition d : file.definitions()) {
      if (d.name().equals(name)) {
        return true;
      }
    }
    return resolvers.values().stream()
            .anyMatch(f -> f.module().equals(file.module()) && f.name().equals(name))
        || (fromClause != null && fromClause.name().equals(name));
  }

  /** Inserts the resolver before the call's first argument, keeping the call's layout. */
  private void insertFirstArgument(
      PythonText text, String path, RelationshipFact fact, String resolver) {
    String s = text.text();
    int open = s.indexOf('(', fact.callRange().start());
    if (open < 0 || open >= fact.callRange().end()) {
      return;
    }
    int i = open + 1;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    boolean empty = i < s.length() && s.charAt(i) == ')';
    edits.insert(path, empty ? open + 1 : i, empty ? resolver : resolver + ", ");
  }

  static String snakeCase(String className) {
    return className
        .replaceAll("([a-z\\d])([A-Z])", "$1_$2")
        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
        .toLowerCase(Locale.ROOT);
  }
}
