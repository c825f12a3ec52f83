package dev.ormlens.python;

import static dev.ormlens.python.Nodes.field;
import static dev.ormlens.python.Nodes.is;

import dev.ormlens.core.model.ImportContext;
import dev.ormlens.core.model.ImportFact;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code import} and {@code from ... import} statements, resolving relative modules. */
final class Imports {
  private Imports() {}

  static ImportFact read(
      Node node, ImportContext context, ParsedSource src, String module, boolean packageInit) {
    if (is(node, "import_statement")) {
      Node name = field(node, "name");
      if (name == null) {
        return null;
      }
      if (is(name, "aliased_import")) {
        Node dotted = field(name, "name");
        Node alias = field(name, "alias");
        if (dotted == null) {
          return null;
        }
        return new ImportFact(
            compact(src.text(dotted)),
            src.range(dotted),
            false,
            List.of(),
            alias == null ? null : src.text(alias),
            context,
            src.range(node));
      }
      return new ImportFact(
          compact(src.text(name)),
          src.range(name),
          false,
          List.of(),
          null,
          context,
          src.range(node));
    }
    Node moduleName = field(node, "module_name");
    if (moduleName == null) {
      return null;
    }
    String resolved;
    if (is(moduleName, "relative_import")) {
      int level = 0;
      String relative = null;
      for (Node part : Nodes.namedChildren(moduleName)) {
        if (is(part, "import_prefix")) {
          level = src.text(part).strip().length();
        } else if (is(part, "dotted_name")) {
          relative = compact(src.text(part));
        }
      }
      resolved = PythonModules.resolveRelative(module, packageInit, level, relative);
    } else {
      resolved = compact(src.text(moduleName));
    }
    List<ImportFact.ImportedName> names = new ArrayList<>();
    for (Node n : Nodes.fieldChildren(node, "name")) {
      if (is(n, "aliased_import")) {
        Node dotted = field(n, "name");
        Node alias = field(n, "alias");
        if (dotted != null) {
          names.add(
              new ImportFact.ImportedName(
                  compact(src.text(dotted)),
                  alias == null ? null : src.text(alias),
                  src.range(dotted)));
        }
      } else {
        names.add(new ImportFact.ImportedName(compact(src.text(n)), null, src.range(n)));
      }
    }
    return new ImportFact(
        resolved, src.range(moduleName), true, List.copyOf(names), null, context, src.range(node));
  }

  private static String compact(String dotted) {
    return dotted.replaceAll("\\s+", "");
  }
}
