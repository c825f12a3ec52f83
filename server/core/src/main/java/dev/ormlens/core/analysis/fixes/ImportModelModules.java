package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.ImportContext;
import dev.ormlens.core.model.ImportFact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Imports every model module of a package in its {@code __init__.py} (ORM202, the article's problem
 * 2): SQLAlchemy resolves strings and resolvers against the classes imported so far, so every
 * mapped class must be imported before the first use. Appended at the end of the package file,
 * after anything it defines, in dependency order (a module after the workspace modules it imports
 * at run time, ties by name), so the new imports create no cycle of their own.
 */
final class ImportModelModules implements QuickFix {
  static final String ID = "import-model-modules";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<String> codes() {
    return List.of("ORM202");
  }

  @Override
  public List<Offer> offers(FixContext ctx) {
    FileFacts file = ctx.file().orElse(null);
    if (file == null || !isModelModule(ctx, file.module())) {
      return List.of();
    }
    boolean relevant =
        ctx.hasDiagnostic("ORM202")
            || ctx.resolution().relationships().stream()
                .anyMatch(r -> ctx.touches(r.site().fact().statementRange()));
    if (!relevant) {
      return List.of();
    }
    String pkg = packageOf(ctx, file);
    FileFacts init = pkg == null ? null : ctx.analysis().index().module(pkg).orElse(null);
    if (init == null || !init.packageInit()) {
      return List.of();
    }
    PythonText text = ctx.text(init.path()).orElse(null);
    if (text == null) {
      return List.of();
    }
    List<String> missing = ordered(ctx, modelModules(ctx, pkg), imported(init));
    if (missing.isEmpty()) {
      return List.of();
    }
    return List.of(
        Offer.of(
            ID,
            "Import every model module in " + init.path(),
            "quickfix",
            // A judgement call, not a safe fix: it changes what runs at import (module side
            // effects, possible cycles), and ORM202 without entry modules is only latent.
            false,
            List.of("ORM202"),
            () -> {
              EditSet edits = new EditSet();
              edits.insert(init.path(), text.text().length(), imports(pkg, missing, text));
              return edits;
            }));
  }

  /** The import statements to append, in {@code missing}'s (dependency) order. */
  private static String imports(String pkg, List<String> missing, PythonText text) {
    Map<String, List<String>> byPackage = new TreeMap<>();
    for (String m : missing) {
      int dot = m.lastIndexOf('.');
      byPackage
          .computeIfAbsent(m.substring(0, dot), k -> new ArrayList<>())
          .add(m.substring(dot + 1));
    }
    StringBuilder code = new StringBuilder();
    String nl = text.newline();
    if (!text.endsWithNewline()) {
      code.append(nl);
    }
    byPackage.forEach(
        (p, names) ->
            code.append("from .")
                .append(p.equals(pkg) ? "" : p.substring(pkg.length() + 1))
                .append(" import ")
                .append(String.join(", ", names))
                .append(nl));
    // Keep dependency order across sub-packages too: one statement per module then.
    if (byPackage.size() > 1) {
      code.setLength(text.endsWithNewline() ? 0 : nl.length());
      for (String m : missing) {
        int dot = m.lastIndexOf('.');
        String p = m.substring(0, dot);
        code.append("from .")
            .append(p.equals(pkg) ? "" : p.substring(pkg.length() + 1))
            .append(" import ")
            .append(m.substring(dot + 1))
            .append(nl);
      }
    }
    return code.toString();
  }

  /** The outermost package that holds all model modules sharing a registry with this file. */
  private static String packageOf(FixContext ctx, FileFacts file) {
    Set<String> registries = new HashSet<>();
    for (MappedClass c : ctx.model().classes()) {
      if (c.file().path().equals(file.path())) {
        registries.add(c.registryId());
      }
    }
    String common = null;
    for (MappedClass c : ctx.model().classes()) {
      if (registries.contains(c.registryId())) {
        common = common == null ? parent(c.module()) : commonPrefix(common, parent(c.module()));
      }
    }
    if (common == null) {
      common = parent(file.module());
    }
    return common.isEmpty() ? null : common;
  }

  private static Set<String> modelModules(FixContext ctx, String pkg) {
    Set<String> out = new TreeSet<>();
    for (MappedClass c : ctx.model().classes()) {
      if (c.module().startsWith(pkg + ".")) {
        out.add(c.module());
      }
    }
    for (FileFacts f : ctx.analysis().index().files()) {
      if (f.module().startsWith(pkg + ".") && !f.tables().isEmpty()) {
        out.add(f.module());
      }
    }
    return out;
  }

  private static boolean isModelModule(FixContext ctx, String module) {
    for (MappedClass c : ctx.model().classes()) {
      if (c.module().equals(module)) {
        return true;
      }
    }
    return false;
  }

  /** Modules the package file imports when it runs. */
  private static Set<String> imported(FileFacts init) {
    Set<String> out = new HashSet<>();
    for (ImportFact f : init.imports()) {
      if (f.context() != ImportContext.MODULE_LEVEL) {
        continue;
      }
      out.add(f.module());
      for (ImportFact.ImportedName n : f.names()) {
        out.add(f.module() + "." + n.name());
      }
    }
    return out;
  }

  /** Missing modules, each after the workspace modules it imports at run time. */
  private static List<String> ordered(FixContext ctx, Set<String> modules, Set<String> present) {
    List<String> out = new ArrayList<>();
    Set<String> visiting = new HashSet<>();
    for (String m : modules) {
      visit(ctx, m, modules, present, visiting, out);
    }
    return out;
  }

  private static void visit(
      FixContext ctx,
      String m,
      Set<String> modules,
      Set<String> present,
      Set<String> visiting,
      List<String> out) {
    if (out.contains(m) || !visiting.add(m)) {
      return;
    }
    FileFacts f = ctx.analysis().index().module(m).orElse(null);
    if (f != null) {
      for (ImportFact i : f.imports()) {
        if (i.context() == ImportContext.MODULE_LEVEL && modules.contains(i.module())) {
          visit(ctx, i.module(), modules, present, visiting, out);
        }
      }
    }
    if (!present.contains(m)) {
      out.add(m);
    }
  }

  private static String parent(String module) {
    int dot = module.lastIndexOf('.');
    return dot < 0 ? "" : module.substring(0, dot);
  }

  private static String commonPrefix(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
      sb.append(sb.length() == 0 ? "" : ".").append(x[i]);
    }
    return sb.toString();
  }
}
