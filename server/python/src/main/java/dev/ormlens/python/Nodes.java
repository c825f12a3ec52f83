package dev.ormlens.python;

import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/** Small null-safe helpers over tree-sitter nodes. */
final class Nodes {
  private Nodes() {}

  static TSNode field(TSNode node, String name) {
    if (node == null || node.isNull()) {
      return null;
    }
    TSNode child = node.getChildByFieldName(name);
    return child == null || child.isNull() ? null : child;
  }

  static List<TSNode> namedChildren(TSNode node) {
    List<TSNode> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    int n = node.getNamedChildCount();
    for (int i = 0; i < n; i++) {
      out.add(node.getNamedChild(i));
    }
    return out;
  }

  static List<TSNode> fieldChildren(TSNode node, String fieldName) {
    List<TSNode> out = new ArrayList<>();
    int n = node.getChildCount();
    for (int i = 0; i < n; i++) {
      if (fieldName.equals(node.getFieldNameForChild(i))) {
        out.add(node.getChild(i));
      }
    }
    return out;
  }

  static boolean is(TSNode node, String type) {
    return node != null && type.equals(node.getType());
  }

  /** Unwraps parentheses and the {@code type} wrapper annotations get. */
  static TSNode unwrap(TSNode node) {
    TSNode current = node;
    while (current != null
        && (is(current, "parenthesized_expression") || is(current, "type"))
        && current.getNamedChildCount() == 1) {
      current = current.getNamedChild(0);
    }
    return current;
  }
}
