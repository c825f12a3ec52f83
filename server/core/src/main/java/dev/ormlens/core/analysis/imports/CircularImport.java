package dev.ormlens.core.analysis.imports;

import dev.ormlens.core.model.Definition;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.ImportFact;
import java.util.List;

/**
 * An {@code ImportError} from a partially initialised module, as importing {@code entry} would
 * raise it: {@code from partial import name} ran in {@code file} while {@code partial} was still
 * executing an import, before the statement that defines {@code name}.
 *
 * @param chain the import statements from the one {@code partial} is executing down to the failing
 *     one, in order: the cycle
 * @param definition where {@code partial} defines the name, after the import that led here
 */
public record CircularImport(
    String entry,
    FileFacts file,
    ImportFact statement,
    ImportFact.ImportedName name,
    String partial,
    Definition definition,
    List<Step> chain) {

  /** One import statement of the cycle and the file it is written in. */
  public record Step(FileFacts file, ImportFact statement) {}

  /** The same failure, met when importing {@code module} first. */
  public CircularImport withEntry(String module) {
    return new CircularImport(module, file, statement, name, partial, definition, chain);
  }

  /** The modules of the cycle, starting with the partially initialised one. */
  public List<String> modules() {
    return chain.stream().map(s -> s.file().module()).toList();
  }
}
