package dev.ormlens.core.model;

/** How a name is bound where it is written, which decides whether it exists at run time. */
public enum Binding {
  /** Defined in this module (class, def or assignment). */
  DEFINED_HERE,
  /** Imported by a statement that runs when the module is imported. */
  IMPORTED,
  /** Imported only under {@code if TYPE_CHECKING:}: absent at run time. */
  TYPE_CHECKING_ONLY,
  /** Imported inside the enclosing function's body: present once that function runs. */
  FUNCTION_LOCAL,
  /** Not bound in this module: a builtin, a typo, or a name we cannot see. */
  UNBOUND
}
