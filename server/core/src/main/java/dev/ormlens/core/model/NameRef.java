package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;

/**
 * A (possibly dotted) name as written in source, with the fully qualified name it denotes after
 * applying the file's own imports and definitions: {@code Child} written in {@code shop/parent.py}
 * under {@code from .child import Child} has qualified name {@code shop.child.Child}. The front end
 * resolves within one file; the index follows the qualified name across files.
 */
public record NameRef(String written, String qualified, Binding binding, TextRange range) {
  /** The last dotted part as written: {@code Child} for {@code models.Child}. */
  public String simpleName() {
    int dot = written.lastIndexOf('.');
    return dot < 0 ? written : written.substring(dot + 1);
  }
}
