package dev.ormlens.python;

import dev.ormlens.core.model.Problem;
import dev.ormlens.core.text.TextRange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

/**
 * One parsed file: its text, its tree, and the conversion from tree-sitter's UTF-8 byte offsets to
 * the UTF-16 offsets the rest of ORM Lens counts in. The binding's UTF-16 input mode is broken, so
 * we parse UTF-8 and map offsets ourselves, with a fast path for ASCII files.
 */
final class ParsedSource {
  private static final ThreadLocal<TSParser> PARSER =
      ThreadLocal.withInitial(
          () -> {
            TSParser parser = new TSParser();
            parser.setLanguage(new TreeSitterPython());
            return parser;
          });

  final String text;
  final Node root;
  private final TSTree tree;
  private final int[] byteToChar;
  private final StringRepair repair;

  private ParsedSource(String text, TSTree tree, int[] byteToChar, StringRepair repair) {
    this.text = text;
    this.tree = tree;
    this.root = Node.root(tree.getRootNode());
    this.byteToChar = byteToChar;
    this.repair = repair;
  }

  /**
   * Parses a file. When it has syntax errors and some line leaves a string open (the user is typing
   * inside it), the tree is that of the repaired text and offsets map back to the user's text.
   */
  static ParsedSource parse(String text) {
    TSTree tree = PARSER.get().parseString(null, text);
    StringRepair repair = tree.getRootNode().hasError() ? StringRepair.of(text) : null;
    String parsed = text;
    if (repair != null) {
      parsed = repair.repaired;
      tree = PARSER.get().parseString(null, parsed);
    }
    return new ParsedSource(text, tree, isAscii(parsed) ? null : byteToCharTable(parsed), repair);
  }

  /** Syntax problems the repair papered over (unterminated strings). */
  List<Problem> repairProblems() {
    return repair == null ? List.of() : repair.problems;
  }

  /** Keeps the tree reachable while its nodes are in use: the binding frees it on collection. */
  TSTree tree() {
    return tree;
  }

  int offset(int utf8Byte) {
    if (repair != null) {
      int parsed =
          byteToChar == null
              ? Math.min(utf8Byte, repair.repaired.length())
              : byteToChar[Math.min(utf8Byte, byteToChar.length - 1)];
      return repair.original(parsed);
    }
    if (byteToChar == null) {
      return Math.min(utf8Byte, text.length());
    }
    return byteToChar[Math.min(utf8Byte, byteToChar.length - 1)];
  }

  int start(Node node) {
    return offset(node.getStartByte());
  }

  int end(Node node) {
    return offset(node.getEndByte());
  }

  TextRange range(Node node) {
    return new TextRange(start(node), end(node));
  }

  String text(Node node) {
    return text.substring(start(node), end(node));
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static int[] byteToCharTable(String text) {
    int byteLength = text.getBytes(StandardCharsets.UTF_8).length;
    int[] table = new int[byteLength + 1];
    int b = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int width;
      if (c < 0x80) {
        width = 1;
      } else if (c < 0x800) {
        width = 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
        // A surrogate pair is 4 UTF-8 bytes for 2 UTF-16 units; bytes inside map to its start.
        for (int k = 0; k < 4; k++) {
          table[b + k] = i;
        }
        b += 4;
        i++;
        continue;
      } else {
        width = 3;
      }
      for (int k = 0; k < width; k++) {
        table[b + k] = i;
      }
      b += width;
    }
    table[byteLength] = text.length();
    return table;
  }
}
