package dev.ormlens.python;

import java.util.ArrayList;
import java.util.List;

/** Small null-safe helpers over tree-sitter nodes. */
final class Nodes {
  private Nodes() {}

  static Node field(Node node, String name) {
    return node == null ? null : node.getChildByFieldName(name);
  }

  static List<Node> namedChildren(Node node) {
    List<Node> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    int n = node.getNamedChildCount();
    for (int i = 0; i < n; i++) {
      out.add(node.getNamedChild(i));
    }
    return out;
  }

  static List<Node> fieldChildren(Node node, String fieldName) {
    List<Node> out = new ArrayList<>();
    int n = node.getChildCount();
    for (int i = 0; i < n; i++) {
      Node child = node.getChild(i);
      if (fieldName.equals(child.fieldName())) {
        out.add(child);
      }
    }
    return out;
  }

  static boolean is(Node node, String type) {
    return node != null && type.equals(node.getType());
  }

  /** Unwraps parentheses and the {@code type} wrapper annotations get. */
  static Node unwrap(Node node) {
    Node current = node;
    while (current != null
        && (is(current, "parenthesized_expression") || is(current, "type"))
        && current.getNamedChildCount() == 1) {
      current = current.getNamedChild(0);
    }
    return current;
  }
}
