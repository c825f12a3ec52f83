package dev.ormlens.python;

import dev.ormlens.core.model.Binding;
import java.util.HashMap;
import java.util.Map;

/**
 * The names bound in one scope (a module, or a function layered over its module) and the qualified
 * names they denote. A run-time binding wins over a {@code TYPE_CHECKING} one for the same name, as
 * it does in Python.
 */
final class ModuleScope {
  record Bound(String qualified, Binding binding) {}

  private final Map<String, Bound> names = new HashMap<>();
  private final ModuleScope parent;

  ModuleScope(ModuleScope parent) {
    this.parent = parent;
  }

  void bind(String name, String qualified, Binding binding) {
    Bound existing = names.get(name);
    if (existing != null
        && existing.binding() != Binding.TYPE_CHECKING_ONLY
        && binding == Binding.TYPE_CHECKING_ONLY) {
      return;
    }
    names.put(name, new Bound(qualified, binding));
  }

  Bound lookup(String name) {
    Bound bound = names.get(name);
    if (bound == null && parent != null) {
      return parent.lookup(name);
    }
    return bound;
  }

  /**
   * Qualifies a dotted name as written: the first part through the scope, the rest appended. An
   * unbound first part stays as written with binding {@link Binding#UNBOUND}.
   */
  Bound qualify(String written) {
    int dot = written.indexOf('.');
    String head = dot < 0 ? written : written.substring(0, dot);
    String tail = dot < 0 ? "" : written.substring(dot);
    Bound bound = lookup(head);
    if (bound == null) {
      return new Bound(written, Binding.UNBOUND);
    }
    return new Bound(bound.qualified() + tail, bound.binding());
  }
}
