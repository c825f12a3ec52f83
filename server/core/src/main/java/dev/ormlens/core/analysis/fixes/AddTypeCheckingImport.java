package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.model.AnnotationName;
import dev.ormlens.core.model.Binding;
import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.FileFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Imports a name an annotation uses but the module never binds (ORM203), from the workspace module
 * that defines a class of that name. A lazily evaluated annotation (a string, or under {@code from
 * __future__ import annotations}) needs it only for type checkers: the import goes under {@code if
 * TYPE_CHECKING:} and is safe when one class has the name. An eagerly evaluated one needs it at run
 * time, which may close an import cycle: unsafe.
 */
final class AddTypeCheckingImport implements QuickFix {
  static final String ID = "add-type-checking-import";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<String> codes() {
    return List.of("ORM203");
  }

  @Override
  public List<Offer> offers(FixContext ctx) {
    FileFacts file = ctx.file().orElse(null);
    PythonText text = ctx.text(ctx.path()).orElse(null);
    List<Offer> out = new ArrayList<>();
    if (file == null || text == null) {
      return out;
    }
    for (AnnotationName a : file.annotationNames()) {
      if (a.name().binding() != Binding.UNBOUND || !ctx.touches(a.name().range())) {
        continue;
      }
      String name = a.name().written();
      List<FileFacts> definers = definers(ctx, name);
      for (FileFacts d : definers) {
        if (d.path().equals(file.path())) {
          continue;
        }
        String where = a.lazy() ? " under TYPE_CHECKING" : "";
        out.add(
            Offer.of(
                ID,
                "Import '" + name + "' from " + d.module() + where,
                "quickfix",
                a.lazy() && definers.size() == 1,
                codes(),
                () -> {
                  EditSet edits = new EditSet();
                  ImportPlan plan = new ImportPlan(file, text);
                  if (a.lazy()) {
                    plan.typeChecking(d.module(), name);
                  } else {
                    plan.runtime(d.module(), name);
                  }
                  plan.emit(edits);
                  return edits;
                }));
      }
      if (!out.isEmpty()) {
        break;
      }
    }
    return out;
  }

  private static List<FileFacts> definers(FixContext ctx, String name) {
    List<FileFacts> out = new ArrayList<>();
    for (FileFacts f : ctx.analysis().index().files()) {
      for (ClassFact c : f.classes()) {
        if (c.name().equals(name) && !f.module().isEmpty()) {
          out.add(f);
          break;
        }
      }
    }
    out.sort(Comparator.comparing(FileFacts::module));
    return out;
  }
}
