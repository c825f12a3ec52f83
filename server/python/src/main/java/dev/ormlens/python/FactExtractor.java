package dev.ormlens.python;

import static dev.ormlens.python.Nodes.field;
import static dev.ormlens.python.Nodes.is;
import static dev.ormlens.python.Nodes.namedChildren;

import dev.ormlens.core.model.Binding;
import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.Definition;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.FunctionFact;
import dev.ormlens.core.model.ImperativeMappingFact;
import dev.ormlens.core.model.ImportContext;
import dev.ormlens.core.model.ImportFact;
import dev.ormlens.core.model.NameRef;
import dev.ormlens.core.model.Problem;
import dev.ormlens.core.model.RegistryFact;
import dev.ormlens.core.model.TableFact;
import dev.ormlens.core.text.LineMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks one module's statements and produces its facts in two passes: first the names the module
 * binds (so a relationship above an import still qualifies its names), then the facts.
 */
final class FactExtractor {
  private static final int MAX_PROBLEMS = 20;

  private final String path;
  private final String module;
  private final boolean packageInit;
  private final ParsedSource src;
  private final ModuleScope scope = new ModuleScope(null);
  private final Expressions expressions;

  private final List<ImportFact> imports = new ArrayList<>();
  private final List<Definition> definitions = new ArrayList<>();
  private final List<ClassFact> classes = new ArrayList<>();
  private final List<TableFact> tables = new ArrayList<>();
  private final List<FunctionFact> functions = new ArrayList<>();
  private final List<RegistryFact> registries = new ArrayList<>();
  private final List<ImperativeMappingFact> imperative = new ArrayList<>();

  /** A module-level statement and the context it runs in. */
  private record Statement(Node node, ImportContext context, List<Node> decorators) {}

  FactExtractor(String path, String module, boolean packageInit, ParsedSource src) {
    this.path = path;
    this.module = module;
    this.packageInit = packageInit;
    this.src = src;
    this.expressions = new Expressions(src, scope, hasFutureAnnotations(src));
  }

  FileFacts extract() {
    List<Statement> statements = new ArrayList<>();
    flatten(src.root, ImportContext.MODULE_LEVEL, statements);
    for (Statement s : statements) {
      bind(s);
    }
    ClassExtractor classExtractor = new ClassExtractor(src, expressions, module);
    for (Statement s : statements) {
      extractFacts(s, classExtractor);
    }
    if (isAlembicMigration()) {
      // A migration's tables and foreign keys describe the database at its revision, in a metadata
      // of its own: they are not the application's models.
      classes.clear();
      tables.clear();
      registries.clear();
      imperative.clear();
    }
    LineMap lines = LineMap.of(src.text);
    return new FileFacts(
        path,
        module,
        packageInit,
        src.text.hashCode() * 31L + src.text.length(),
        lines,
        List.copyOf(imports),
        DynamicImports.find(src.text),
        List.copyOf(definitions),
        List.copyOf(classes),
        List.copyOf(tables),
        List.copyOf(functions),
        List.copyOf(registries),
        List.copyOf(imperative),
        expressions.annotationNames(),
        problems(),
        Suppressions.find(src.text, lines));
  }

  /** An Alembic revision script: imports alembic and sets {@code down_revision}. */
  private boolean isAlembicMigration() {
    boolean alembic = imports.stream().anyMatch(i -> i.module().startsWith("alembic"));
    return alembic && definitions.stream().anyMatch(d -> d.name().equals("down_revision"));
  }

  // ---- pass 0: module-level statements with their run-time context

  private void flatten(Node block, ImportContext context, List<Statement> out) {
    for (Node child : namedChildren(block)) {
      switch (child.getType()) {
        case "if_statement" -> flattenIf(child, context, out);
        case "try_statement", "with_statement" -> {
          for (Node part : namedChildren(child)) {
            if (is(part, "block")) {
              flatten(part, conditional(context), out);
            } else if (is(part, "except_clause")
                || is(part, "else_clause")
                || is(part, "finally_clause")) {
              Node body = lastBlock(part);
              if (body != null) {
                flatten(body, conditional(context), out);
              }
            }
          }
        }
        case "decorated_definition" -> {
          Node definition = field(child, "definition");
          List<Node> decorators = new ArrayList<>();
          for (Node d : namedChildren(child)) {
            if (is(d, "decorator")) {
              decorators.add(d);
            }
          }
          if (definition != null) {
            out.add(new Statement(definition, context, decorators));
          }
        }
        default -> out.add(new Statement(child, context, List.of()));
      }
    }
  }

  private void flattenIf(Node ifNode, ImportContext context, List<Statement> out) {
    Node condition = field(ifNode, "condition");
    boolean typeChecking = condition != null && isTypeCheckingTest(src.text(condition));
    Node consequence = field(ifNode, "consequence");
    if (consequence != null) {
      flatten(consequence, typeChecking ? ImportContext.TYPE_CHECKING : conditional(context), out);
    }
    for (Node alternative : Nodes.fieldChildren(ifNode, "alternative")) {
      Node body =
          is(alternative, "elif_clause")
              ? field(alternative, "consequence")
              : lastBlock(alternative);
      if (body != null) {
        flatten(body, conditional(context), out);
      }
    }
  }

  private static boolean isTypeCheckingTest(String condition) {
    String c = condition.strip();
    return c.equals("TYPE_CHECKING") || c.endsWith(".TYPE_CHECKING");
  }

  private static ImportContext conditional(ImportContext context) {
    return context == ImportContext.TYPE_CHECKING ? context : ImportContext.CONDITIONAL;
  }

  private static Node lastBlock(Node node) {
    Node found = null;
    for (Node c : namedChildren(node)) {
      if (is(c, "block")) {
        found = c;
      }
    }
    return found;
  }

  // ---- pass 1: names bound at module level

  private void bind(Statement s) {
    Node node = s.node();
    boolean typeChecking = s.context() == ImportContext.TYPE_CHECKING;
    switch (node.getType()) {
      case "import_statement", "import_from_statement" -> {
        ImportFact fact = Imports.read(node, s.context(), src, module, packageInit);
        if (fact == null) {
          return;
        }
        imports.add(fact);
        Binding binding = typeChecking ? Binding.TYPE_CHECKING_ONLY : Binding.IMPORTED;
        Definition.Kind kind =
            typeChecking ? Definition.Kind.TYPE_CHECKING_IMPORT : Definition.Kind.IMPORT;
        int statementStart = src.start(node);
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
      case "class_definition", "function_definition" -> {
        Node name = field(node, "name");
        if (name != null) {
          String n = src.text(name);
          scope.bind(n, qualify(n), Binding.DEFINED_HERE);
          definitions.add(
              new Definition(
                  n,
                  src.range(name),
                  is(node, "class_definition") ? Definition.Kind.CLASS : Definition.Kind.FUNCTION,
                  src.start(s.decorators().isEmpty() ? node : s.decorators().get(0)),
                  null));
        }
      }
      case "expression_statement" -> {
        Node assignment = node.getNamedChildCount() > 0 ? node.getNamedChild(0) : null;
        if (is(assignment, "assignment")) {
          Node left = field(assignment, "left");
          if (is(left, "identifier")) {
            String n = src.text(left);
            String alias = aliasTarget(Nodes.unwrap(field(assignment, "right")));
            scope.bind(n, qualify(n), Binding.DEFINED_HERE);
            definitions.add(
                new Definition(
                    n, src.range(left), Definition.Kind.ASSIGNMENT, src.start(node), alias));
          }
        }
      }
      default -> {}
    }
  }

  /**
   * For {@code name = other} or {@code name = obj.attr} (a plain alias), the qualified name it
   * denotes, through the bindings seen so far; else null.
   */
  private String aliasTarget(Node right) {
    if (!is(right, "identifier") && !is(right, "attribute")) {
      return null;
    }
    String written = src.text(right);
    if (!written.matches("[A-Za-z_][\\w.]*")) {
      return null;
    }
    ModuleScope.Bound bound = scope.qualify(written);
    return bound.binding() == Binding.UNBOUND ? null : bound.qualified();
  }

  private String qualify(String name) {
    return module.isEmpty() ? name : module + "." + name;
  }

  // ---- pass 2: facts

  private void extractFacts(Statement s, ClassExtractor classExtractor) {
    Node node = s.node();
    switch (node.getType()) {
      case "class_definition" -> {
        ClassFact fact = classExtractor.extract(node, s.decorators());
        if (fact != null) {
          classes.add(fact);
        }
        collectNestedImports(field(node, "body"), ImportContext.CLASS_BODY);
      }
      case "function_definition" -> {
        FunctionFact fact = Functions.read(node, src, scope, module, packageInit, imports);
        if (fact != null) {
          functions.add(fact);
        }
      }
      case "expression_statement" -> extractModuleExpression(node);
      default -> {}
    }
  }

  /** {@code Name.attribute}: one attribute of a plain name. */
  private static boolean isClassAttribute(Node left) {
    return is(left, "attribute") && is(field(left, "object"), "identifier");
  }

  private void extractModuleExpression(Node statement) {
    Node expr = statement.getNamedChildCount() > 0 ? statement.getNamedChild(0) : null;
    if (is(expr, "call")) {
      // `db.Table("t", db.metadata, ...)` as a statement: registered in the metadata all the same.
      NameRef callee = expressions.nameRef(field(expr, "function"));
      if (callee != null && Callee.of(callee.qualified()) == Callee.TABLE) {
        TableFact table = expressions.table(null, null, expr, callee, src.range(statement));
        if (table != null) {
          tables.add(table);
        }
        return;
      }
    }
    if (is(expr, "assignment")) {
      Node left = field(expr, "left");
      Node right = Nodes.unwrap(field(expr, "right"));
      if (!is(right, "call")) {
        return;
      }
      NameRef callee = expressions.nameRef(field(right, "function"));
      if (callee == null) {
        return;
      }
      Callee kind = Callee.of(callee.qualified());
      if (kind == Callee.TABLE && isClassAttribute(left)) {
        // `Cls.table = Table(...)` beside an imperative mapping of Cls (Galaxy's style).
        TableFact table =
            expressions.table(
                src.text(left).replaceAll("\\s+", ""),
                src.range(left),
                right,
                callee,
                src.range(statement));
        if (table != null) {
          tables.add(table);
        }
        return;
      }
      if (!is(left, "identifier")) {
        return;
      }
      String variable = src.text(left);
      if (kind == Callee.TABLE) {
        TableFact table =
            expressions.table(variable, src.range(left), right, callee, src.range(statement));
        if (table != null) {
          tables.add(table);
        }
        return;
      }
      RegistryFact.Kind registryKind =
          switch (kind) {
            case DECLARATIVE_BASE -> RegistryFact.Kind.DECLARATIVE_BASE;
            case REGISTRY -> RegistryFact.Kind.REGISTRY;
            case GENERATE_BASE -> RegistryFact.Kind.GENERATED_BASE;
            case FLASK_SQLALCHEMY -> RegistryFact.Kind.FLASK_SQLALCHEMY;
            case METADATA -> RegistryFact.Kind.METADATA;
            default ->
                Callee.maySubclassFlaskSqlalchemy(callee.qualified())
                    ? RegistryFact.Kind.FLASK_SQLALCHEMY_SUBCLASS
                    : null;
          };
      if (registryKind != null) {
        NameRef source =
            switch (registryKind) {
              case GENERATED_BASE -> expressions.nameRef(field(field(right, "function"), "object"));
              case FLASK_SQLALCHEMY_SUBCLASS -> callee;
              default -> expressions.nameRef(expressions.keyword(right, "metadata"));
            };
        registries.add(new RegistryFact(variable, src.range(left), registryKind, source));
      }
    } else if (is(expr, "call")) {
      NameRef callee = expressions.nameRef(field(expr, "function"));
      if (callee != null && Callee.of(callee.qualified()) == Callee.MAP_IMPERATIVELY) {
        ImperativeMappingFact fact = expressions.imperativeMapping(expr, src.range(statement));
        if (fact != null) {
          imperative.add(fact);
        }
      }
    }
  }

  /** Imports inside class bodies and their methods, for the import graph. */
  private void collectNestedImports(Node block, ImportContext context) {
    if (block == null) {
      return;
    }
    for (Node child : namedChildren(block)) {
      switch (child.getType()) {
        case "import_statement", "import_from_statement" -> {
          ImportFact fact = Imports.read(child, context, src, module, packageInit);
          if (fact != null) {
            imports.add(fact);
          }
        }
        case "function_definition" ->
            collectNestedImports(field(child, "body"), ImportContext.FUNCTION);
        case "decorated_definition" -> {
          Node def = field(child, "definition");
          if (is(def, "function_definition")) {
            collectNestedImports(field(def, "body"), ImportContext.FUNCTION);
          }
        }
        case "if_statement", "try_statement", "with_statement" -> {
          for (Node part : namedChildren(child)) {
            if (is(part, "block")) {
              collectNestedImports(part, context);
            }
          }
        }
        default -> {}
      }
    }
  }

  private List<Problem> problems() {
    if (!src.root.hasError()) {
      return src.repairProblems();
    }
    List<Problem> out = new ArrayList<>(src.repairProblems());
    collectProblems(src.root, out);
    return List.copyOf(out);
  }

  private void collectProblems(Node node, List<Problem> out) {
    if (out.size() >= MAX_PROBLEMS) {
      return;
    }
    if (node.isMissing()) {
      out.add(new Problem(src.range(node), "syntax error: missing " + node.getType()));
      return;
    }
    if (node.isError()) {
      out.add(new Problem(src.range(node), "syntax error"));
      return;
    }
    int n = node.getChildCount();
    for (int i = 0; i < n; i++) {
      Node child = node.getChild(i);
      if (child.hasError() || child.isMissing()) {
        collectProblems(child, out);
      }
    }
  }

  private static boolean hasFutureAnnotations(ParsedSource src) {
    return src.text.contains("from __future__ import annotations");
  }
}
