package dev.ormlens.python;

/** Python module names from file paths relative to an import root. */
public final class PythonModules {
  private PythonModules() {}

  /**
   * The dotted module name of a file, given its path relative to a root with {@code /} separators:
   * {@code shop/child.py} is {@code shop.child}, {@code shop/__init__.py} is {@code shop}. Returns
   * null for a path that is not a Python module.
   */
  public static String moduleName(String relativePath) {
    if (!relativePath.endsWith(".py") && !relativePath.endsWith(".pyi")) {
      return null;
    }
    String withoutSuffix = relativePath.substring(0, relativePath.lastIndexOf('.'));
    if (withoutSuffix.endsWith("/__init__")) {
      withoutSuffix = withoutSuffix.substring(0, withoutSuffix.length() - "/__init__".length());
    } else if (withoutSuffix.equals("__init__")) {
      return "";
    }
    return withoutSuffix.replace('/', '.');
  }

  public static boolean isPackageInit(String path) {
    return path.endsWith("/__init__.py") || path.equals("__init__.py");
  }

  /** Resolves a relative import ({@code level} leading dots) against the importing module. */
  public static String resolveRelative(
      String importingModule, boolean packageInit, int level, String relative) {
    String base = packageInit ? importingModule : parentOf(importingModule);
    for (int i = 1; i < level; i++) {
      base = parentOf(base);
    }
    if (relative == null || relative.isEmpty()) {
      return base;
    }
    return base.isEmpty() ? relative : base + "." + relative;
  }

  private static String parentOf(String module) {
    int dot = module.lastIndexOf('.');
    return dot < 0 ? "" : module.substring(0, dot);
  }
}
