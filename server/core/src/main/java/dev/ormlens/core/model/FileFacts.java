package dev.ormlens.core.model;

import dev.ormlens.core.text.LineMap;
import dev.ormlens.core.text.TextRange;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything ORM Lens knows about one source file: produced by a front end from the file's text
 * alone, so a file's facts change only when its text does. Holds no syntax tree.
 *
 * @param path the file's path, with {@code /} separators, as the workspace names it
 * @param module the dotted module name ({@code shop.child}), empty when outside every root
 * @param packageInit whether this is a package's {@code __init__.py}
 * @param contentHash a hash of the text the facts were made from
 * @param dynamicImports calls that import a computed module name ({@code import_module(name)}):
 *     what they import cannot be read
 * @param annotationNames names used in annotations, for the undefined-annotation-name check
 * @param suppressions zero-based line to the codes suppressed there (empty set: all codes)
 */
public record FileFacts(
    String path,
    String module,
    boolean packageInit,
    long contentHash,
    LineMap lines,
    List<ImportFact> imports,
    List<TextRange> dynamicImports,
    List<Definition> definitions,
    List<ClassFact> classes,
    List<TableFact> tables,
    List<FunctionFact> functions,
    List<RegistryFact> registries,
    List<ImperativeMappingFact> imperativeMappings,
    List<AnnotationName> annotationNames,
    List<Problem> problems,
    Map<Integer, Set<String>> suppressions) {

  /** Facts of a file ORM Lens knows nothing about: no definitions, only the given problems. */
  public static FileFacts empty(
      String path, String module, boolean packageInit, String text, List<Problem> problems) {
    return new FileFacts(
        path,
        module,
        packageInit,
        text.hashCode(),
        LineMap.of(text),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.copyOf(problems),
        Map.of());
  }

  /** True when the file defines anything the ORM cares about. */
  public boolean hasModelFacts() {
    return !classes.isEmpty()
        || !tables.isEmpty()
        || !registries.isEmpty()
        || !imperativeMappings.isEmpty();
  }
}
