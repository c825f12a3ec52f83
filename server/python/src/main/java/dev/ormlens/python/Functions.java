package dev.ormlens.python;

import static dev.ormlens.python.Nodes.field;
import static dev.ormlens.python.Nodes.is;
import static dev.ormlens.python.Nodes.namedChildren;

import dev.ormlens.core.model.Binding;
import dev.ormlens.core.model.FunctionFact;
import dev.ormlens.core.model.ImportContext;
import dev.ormlens.core.model.ImportFact;
import dev.ormlens.core.model.NameRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads module-level functions, seeing through the two shapes lazy resolution uses: a resolver
 * ({@code def resolve_child(): from .child import Child; return Child}) and the {@code from_clause}
 * helper ({@code def from_clause(fn): return lambda: fn().__table__}).
 */
final class Functions {
  private Functions() {}

  static FunctionFact read(
      Node node,
      ParsedSource src,
      ModuleScope moduleScope,
      String module,
      boolean packageInit,
      List<ImportFact> importsOut) {
    Node name = field(node, "name");
    Node body = field(node, "body");
    if (name == null || body == null) {
      return null;
    }
    List<String> parameters = new ArrayList<>();
    Node params = field(node, "parameters");
    for (Node p : namedChildren(params)) {
      Node id = is(p, "identifier") ? p : firstIdentifier(p);
      if (id != null) {
        parameters.add(src.text(id));
      }
    }
    ModuleScope local = new ModuleScope(moduleScope);
    for (String p : parameters) {
      local.bind(p, p, Binding.DEFINED_HERE);
    }
    NameRef returns = null;
    boolean tableOfParameter = false;
    for (Node statement : namedChildren(body)) {
      if (is(statement, "import_statement") || is(statement, "import_from_statement")) {
        ImportFact fact = Imports.read(statement, ImportContext.FUNCTION, src, module, packageInit);
        if (fact != null) {
          importsOut.add(fact);
          bindLocal(local, fact);
        }
      } else if (is(statement, "return_statement") && statement.getNamedChildCount() > 0) {
        Node value = Nodes.unwrap(statement.getNamedChild(0));
        if (is(value, "identifier") || is(value, "attribute")) {
          String written = src.text(value);
          ModuleScope.Bound bound = local.qualify(written);
          Binding binding =
              local.lookup(written.split("\\.")[0]) != moduleScope.lookup(written.split("\\.")[0])
                  ? Binding.FUNCTION_LOCAL
                  : bound.binding();
          returns = new NameRef(written, bound.qualified(), binding, src.range(value));
        } else if (is(value, "lambda")) {
          tableOfParameter = isTableOfParameterCall(field(value, "body"), src, parameters);
        }
      }
    }
    return new FunctionFact(
        src.text(name),
        src.range(name),
        src.range(node),
        List.copyOf(parameters),
        returns,
        tableOfParameter);
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

  /** {@code fn().__table__} where {@code fn} is a parameter. */
  private static boolean isTableOfParameterCall(Node body, ParsedSource src, List<String> params) {
    body = Nodes.unwrap(body);
    if (!is(body, "attribute")) {
      return false;
    }
    Node attribute = field(body, "attribute");
    Node object = Nodes.unwrap(field(body, "object"));
    if (attribute == null || !"__table__".equals(src.text(attribute)) || !is(object, "call")) {
      return false;
    }
    Node function = field(object, "function");
    return is(function, "identifier") && params.contains(src.text(function));
  }

  private static Node firstIdentifier(Node node) {
    for (Node c : namedChildren(node)) {
      if (is(c, "identifier")) {
        return c;
      }
    }
    return null;
  }
}
