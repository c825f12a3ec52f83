package dev.ormlens.python;

import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.Problem;
import dev.ormlens.core.text.TextRange;
import java.util.List;

/**
 * Reads one Python file into {@link FileFacts}. Never throws on user code: a half-typed file yields
 * what can be read plus its syntax problems.
 */
public final class PythonFrontEnd {
  private PythonFrontEnd() {}

  /**
   * Extracts the facts of one file.
   *
   * @param path the file's workspace path, {@code /}-separated
   * @param module its dotted module name, or empty when it is outside every import root
   */
  public static FileFacts extract(String path, String module, String text) {
    boolean packageInit = PythonModules.isPackageInit(path);
    try {
      ParsedSource source = ParsedSource.parse(text);
      FileFacts facts = new FactExtractor(path, module, packageInit, source).extract();
      // Touch the tree after extraction so it is not freed while its nodes are read.
      source.tree();
      return facts;
    } catch (RuntimeException | StackOverflowError e) {
      // A parser or extractor failure must not lose the file: report it as a problem on it.
      return empty(path, module, packageInit, text, "ORM Lens could not read this file: " + e);
    }
  }

  /**
   * Extracts the facts of a workspace file being indexed: a file {@link PreScan} finds free of
   * model facts is read from its tokens alone (about a tenth of a parse), every other file is
   * parsed. The facts are those {@link #extract} gives, except that syntax errors in such a file
   * are not reported until it is parsed (opened in the editor).
   */
  public static FileFacts extractForIndex(String path, String module, String text) {
    if (!PreScan.needsFullParse(text)) {
      FileFacts light = LightReader.read(path, module, PythonModules.isPackageInit(path), text);
      if (light != null) {
        return light;
      }
    }
    return extract(path, module, text);
  }

  /** Facts for a file that could not be read at all: no facts, one problem. */
  public static FileFacts empty(
      String path, String module, boolean packageInit, String text, String why) {
    return FileFacts.empty(
        path, module, packageInit, text, List.of(new Problem(new TextRange(0, 0), why)));
  }
}
