package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.model.AnnotationName;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.FunctionFact;
import dev.ormlens.core.model.ImportContext;
import dev.ormlens.core.model.ImportFact;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a module-level name is used, told apart by when Python evaluates the use: at run time
 * (code, eagerly evaluated annotations, f-strings) or never (strings, lazily evaluated
 * annotations). Errs towards "run time": a fix that trusts it never moves a name code needs.
 */
final class NameUses {
  private NameUses() {}

  /** Offsets where the module-level binding of {@code name} is needed when the module runs. */
  static List<Integer> runtime(FileFacts file, PythonText text, String name) {
    List<Integer> out = new ArrayList<>();
    for (PythonTokens.Identifier id : text.tokens().identifiers()) {
      if (id.name().equals(name)
          && !id.attribute()
          && !insideImport(file, id.start())
          && !lazyAnnotation(file, id.start())
          && !shadowedInFunction(file, name, id.start())) {
        out.add(id.start());
      }
    }
    return out;
  }

  /** Whether some annotation or string mentions the name (a use that needs no binding). */
  static boolean usedLazily(FileFacts file, PythonText text, String name) {
    for (AnnotationName a : file.annotationNames()) {
      if (a.lazy() && a.name().written().equals(name)) {
        return true;
      }
    }
    String s = text.text();
    for (PythonTokens.Literal l : text.tokens().literals()) {
      String content = s.substring(l.range().start(), l.range().end());
      if (content.matches("(?s).*\\b" + java.util.regex.Pattern.quote(name) + "\\b.*")) {
        return true;
      }
    }
    return false;
  }

  private static boolean insideImport(FileFacts file, int offset) {
    for (ImportFact f : file.imports()) {
      if (f.statementRange().containsStrictly(offset)) {
        return true;
      }
    }
    return false;
  }

  private static boolean lazyAnnotation(FileFacts file, int offset) {
    for (AnnotationName a : file.annotationNames()) {
      if (a.lazy() && a.name().range().containsStrictly(offset)) {
        return true;
      }
    }
    return false;
  }

  /** A use inside a function whose body imports the name itself (a lazy resolver). */
  private static boolean shadowedInFunction(FileFacts file, String name, int offset) {
    for (FunctionFact fn : file.functions()) {
      if (!fn.range().containsStrictly(offset)) {
        continue;
      }
      for (ImportFact f : file.imports()) {
        if (f.context() == ImportContext.FUNCTION
            && fn.range().containsStrictly(f.statementRange().start())
            && f.names().stream().anyMatch(n -> n.boundName().equals(name))) {
          return true;
        }
      }
    }
    return false;
  }
}
