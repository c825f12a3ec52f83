package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Lookup;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.analysis.imports.EdgeKind;
import dev.ormlens.core.analysis.imports.ImportAnalysis;
import dev.ormlens.core.analysis.imports.ImportEdge;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.SecondaryExpr;
import dev.ormlens.core.model.TargetExpr;
import dev.ormlens.core.text.TextRange;
import java.util.List;

/**
 * ORM202: a class or table named by a relationship (a string, an annotation, a resolver) lives in a
 * module that has not run when mappers are configured. SQLAlchemy only knows what has been
 * imported: a name it cannot find fails configuration ({@code failed to locate a name}); a class a
 * resolver imports during configuration gets a mapper that is never configured, and the first use
 * fails with {@code 'NoneType' object has no attribute '_append_token'}.
 *
 * <p>A module has run if it is in the run-time import closure (module-level and implicit imports,
 * package {@code __init__} files included; not {@code TYPE_CHECKING}, not inside functions) of the
 * module that defines the mapped class (for a mixin's relationship, the class that inherits it), or
 * of a configured entry module.
 *
 * <p>Severity follows certainty: an error when entry modules say how the application starts;
 * without them the finding is latent (a warning): it fails only if the application configures
 * mappers having imported nothing but the referring module's closure, which ORM Lens cannot know.
 */
public final class NeverImported implements Rule {
  public static final String CODE = "ORM202";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public void check(RuleContext ctx, List<Diagnostic> out) {
    FileFacts file = ctx.file();
    if (file.module().isEmpty()) {
      return;
    }
    for (ResolvedRelationship r : ctx.checkedRelationships()) {
      TargetExpr target = r.site().fact().target();
      if (target != null && r.target() != null) {
        boolean resolver = r.target() instanceof Lookup.FoundClass fc && fc.viaResolver() != null;
        check(ctx, r, r.target(), targetRange(target), written(target), resolver, out);
      } else if (r.annotationTarget() != null) {
        var a = r.site().fact().annotation();
        check(ctx, r, r.annotationTarget(), a.target().range(), a.target().written(), false, out);
      }
      SecondaryExpr s = r.site().fact().secondary();
      if (s != null && r.secondary() != null) {
        SecondaryExpr inner = s instanceof SecondaryExpr.Lambda l ? l.body() : s;
        boolean resolver = inner instanceof SecondaryExpr.Call;
        check(ctx, r, r.secondary(), inner.range(), writtenSecondary(inner), resolver, out);
      }
    }
  }

  private static void check(
      RuleContext ctx,
      ResolvedRelationship r,
      Lookup lookup,
      TextRange range,
      String written,
      boolean resolver,
      List<Diagnostic> out) {
    FileFacts definedIn;
    TextRange definition;
    String kind;
    if (lookup instanceof Lookup.FoundClass fc) {
      MappedClass c = fc.mappedClass();
      definedIn = c.file();
      definition = c.fact().nameRange();
      kind = "class '" + c.name() + "'";
    } else if (lookup instanceof Lookup.FoundTable ft) {
      MappedTable t = ft.table();
      definedIn = t.file();
      definition = t.nameRange();
      kind = "table '" + t.name() + "'";
    } else {
      return;
    }
    // A mixin's relationship is configured in the class that inherits it: what that class's module
    // imports (the mixin's module among it) is what has run.
    String module = r.site().owner().file().module();
    if (module.isEmpty()) {
      module = ctx.file().module();
    }
    String target = definedIn.module();
    ImportAnalysis imports = ctx.imports();
    if (target.isEmpty() || target.equals(module) || imports.importedAtRunTime(module, target)) {
      return;
    }
    if (imports.entryModules().isEmpty() && imports.startupImportsUnknowable()) {
      return;
    }
    String notRun =
        kind
            + " ("
            + target
            + ") is never imported at run time by "
            + importers(module, imports.entryModules())
            + (resolver ? "" : reachedBy(ctx, module, target));
    boolean known = !imports.entryModules().isEmpty();
    String latent =
        known
            ? ""
            : " No entry module is configured"
                + inferred(imports)
                + ", so this fails only if the application has not imported "
                + target
                + " by then some other way.";
    String fix =
        latent
            + " Import "
            + target
            + " at run time where the application starts (for example in its package's"
            + " __init__.py), or list it in entry-modules.";
    String message =
        resolver
            ? notRun
                + ": only the resolver imports it, during configure_mappers(), so its mapper is"
                + " never configured and the first use of "
                + Describe.relationship(r.site())
                + " fails with AttributeError: 'NoneType' object has no attribute"
                + " '_append_token'."
                + fix
            : notRun
                + ", so it is not registered when mappers are configured: SQLAlchemy raises "
                + Describe.unlocatedTarget(written, r.site().owner())
                + "."
                + fix;
    out.add(
        ctx.diagnostic(
            CODE,
            known ? Severity.ERROR : Severity.WARNING,
            range,
            (known ? "" : "latent: ") + message,
            List.of(
                RuleContext.related(new Location(definedIn.path(), definition), "defined here"))));
  }

  /** ", and the entries ORM Lens infers (app.main) do not import it either", or nothing. */
  private static String inferred(ImportAnalysis imports) {
    List<String> entries = imports.inferredEntries();
    return entries.isEmpty()
        ? ""
        : ", and the entries ORM Lens infers ("
            + String.join(", ", entries.subList(0, Math.min(3, entries.size())))
            + (entries.size() > 3 ? ", ..." : "")
            + ") do not import it either";
  }

  /** "shop.parent", "entry module shop.parent", "shop.child or entry module shop.parent". */
  private static String importers(String module, List<String> entries) {
    if (entries.isEmpty()) {
      return module;
    }
    String listed =
        (entries.size() == 1 ? "entry module " : "entry modules ") + String.join(", ", entries);
    return entries.contains(module) ? listed : module + " or " + listed;
  }

  /** Why the module does not run, when the only imports of it are ones that do not run. */
  private static String reachedBy(RuleContext ctx, String module, String target) {
    for (ImportEdge e : ctx.imports().graph().edgesFrom(module)) {
      if (e.to().equals(target) && e.kind() == EdgeKind.TYPE_CHECKING) {
        return " (it is imported only under TYPE_CHECKING)";
      }
      if (e.to().equals(target) && e.kind() == EdgeKind.FUNCTION) {
        return " (it is imported only inside a function)";
      }
    }
    return "";
  }

  private static TextRange targetRange(TargetExpr t) {
    return t.range();
  }

  private static String written(TargetExpr t) {
    if (t instanceof TargetExpr.Text text) {
      return text.literal().value();
    }
    if (t instanceof TargetExpr.Name n) {
      return n.name().written();
    }
    if (t instanceof TargetExpr.Lambda l) {
      return l.body().written();
    }
    return "";
  }

  private static String writtenSecondary(SecondaryExpr s) {
    if (s instanceof SecondaryExpr.Text t) {
      return t.literal().value();
    }
    if (s instanceof SecondaryExpr.Name n) {
      return n.name().written();
    }
    if (s instanceof SecondaryExpr.TableOf t) {
      return t.mappedClass().written() + ".__table__";
    }
    if (s instanceof SecondaryExpr.Call c && !c.arguments().isEmpty()) {
      return c.arguments().get(0).written();
    }
    return "";
  }
}
