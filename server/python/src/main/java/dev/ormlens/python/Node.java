package dev.ormlens.python;

import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSSymbolType;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterPython;

/**
 * A syntax node, read from tree-sitter once and then answered from memory. Every call on a
 * tree-sitter node crosses JNI (and the binding checks the node for null across JNI first), and
 * tree-sitter finds a node's i-th named child by walking from the first; the extractors ask the
 * same node for its type, fields and children many times. A node reads its children in one cursor
 * walk, the first time they are asked for, so parts of the file nobody looks at (function bodies)
 * are never read at all. Types and field names come from tables built once per grammar.
 */
final class Node {
  private static final TSLanguage PYTHON = new TreeSitterPython();
  private static final String[] SYMBOL_NAMES = symbolNames();
  private static final boolean[] NAMED_SYMBOLS = namedSymbols();
  private static final String[] FIELD_NAMES = fieldNames();
  private static final Node[] NONE = {};

  private final TSNode ts;
  private final TSTreeCursor cursor;
  private final String type;
  private final boolean named;
  private final int startByte;
  private final int endByte;
  private final String fieldName;
  private Node[] children;
  private Node[] namedChildren;
  private Boolean hasError;

  private Node(TSNode ts, TSTreeCursor cursor, String fieldName) {
    this.ts = ts;
    this.cursor = cursor;
    this.fieldName = fieldName;
    int symbol = ts.getSymbol();
    if (symbol >= 0 && symbol < SYMBOL_NAMES.length) {
      this.type = SYMBOL_NAMES[symbol];
      this.named = NAMED_SYMBOLS[symbol];
    } else {
      this.type = ts.getType();
      this.named = ts.isNamed();
    }
    this.startByte = ts.getStartByte();
    this.endByte = ts.getEndByte();
  }

  /** The root of a tree; its descendants share one cursor, so a tree is read on one thread. */
  static Node root(TSNode root) {
    return new Node(root, new TSTreeCursor(root), null);
  }

  String getType() {
    return type;
  }

  int getStartByte() {
    return startByte;
  }

  int getEndByte() {
    return endByte;
  }

  boolean isError() {
    return type.equals("ERROR");
  }

  boolean isMissing() {
    return ts.isMissing();
  }

  boolean hasError() {
    Boolean e = hasError;
    if (e == null) {
      e = ts.hasError();
      hasError = e;
    }
    return e;
  }

  int getChildCount() {
    return children().length;
  }

  Node getChild(int i) {
    return children()[i];
  }

  /** The field this node fills in its parent ({@code name}, {@code body}, ...), or null. */
  String fieldName() {
    return fieldName;
  }

  int getNamedChildCount() {
    return namedChildren().length;
  }

  Node getNamedChild(int i) {
    return namedChildren()[i];
  }

  /** The first child in the field, or null. */
  Node getChildByFieldName(String field) {
    for (Node c : children()) {
      if (field.equals(c.fieldName)) {
        return c;
      }
    }
    return null;
  }

  private Node[] children() {
    Node[] c = children;
    if (c == null) {
      List<Node> out = new ArrayList<>();
      cursor.reset(ts);
      if (cursor.gotoFirstChild()) {
        do {
          int field = cursor.currentFieldId();
          out.add(
              new Node(
                  cursor.currentNode(),
                  cursor,
                  field > 0 && field < FIELD_NAMES.length ? FIELD_NAMES[field] : null));
        } while (cursor.gotoNextSibling());
      }
      c = out.isEmpty() ? NONE : out.toArray(NONE);
      children = c;
    }
    return c;
  }

  private Node[] namedChildren() {
    Node[] n = namedChildren;
    if (n == null) {
      List<Node> out = new ArrayList<>();
      for (Node c : children()) {
        if (c.named) {
          out.add(c);
        }
      }
      n = out.size() == children.length ? children : out.toArray(NONE);
      namedChildren = n;
    }
    return n;
  }

  private static String[] symbolNames() {
    String[] names = new String[PYTHON.symbolCount()];
    for (int i = 0; i < names.length; i++) {
      names[i] = PYTHON.symbolName(i);
    }
    return names;
  }

  private static boolean[] namedSymbols() {
    boolean[] named = new boolean[SYMBOL_NAMES.length];
    for (int i = 0; i < named.length; i++) {
      named[i] = PYTHON.symbolType(i) == TSSymbolType.TSSymbolTypeRegular;
    }
    return named;
  }

  private static String[] fieldNames() {
    String[] names = new String[PYTHON.fieldCount() + 1];
    for (int i = 1; i < names.length; i++) {
      names[i] = PYTHON.fieldNameForId(i);
    }
    return names;
  }
}
