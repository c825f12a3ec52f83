package dev.ormlens.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which calls import a module whose name cannot be read. */
class DynamicImportsTest {
  @Test
  void aComputedNameIsDynamic() {
    assertEquals(
        3,
        DynamicImports.find(
                """
                import_module(f"shop.{name}")
                importlib.import_module(name)
                __import__(prefix + "models")
                """)
            .size());
  }

  @Test
  void aLiteralNameACommentAndADefinitionAreNot() {
    assertEquals(
        0,
        DynamicImports.find(
                """
                import_module("shop.child")  # 子 😀
                importlib.import_module('shop.parent', package=None)
                # import_module(name) in a comment
                def import_module(name):
                    pass
                """)
            .size());
  }
}
