package dev.ormlens.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The patterns of one {@code .gitignore} file (or one list of {@code include}/{@code exclude}
 * globs, which use the same syntax), relative to the directory they apply to.
 *
 * <p>Implements git's documented syntax ({@code gitignore(5)}): comments and blank lines, {@code \}
 * escapes, trailing-space trimming, {@code !} negation, a trailing {@code /} for directories only,
 * anchoring by a leading or middle {@code /}, {@code *}, {@code ?}, {@code [...]} classes and
 * {@code **} in its three positions. A test compares the verdicts with {@code git ls-files} on a
 * tree of tricky cases. Chosen over JGit's {@code IgnoreNode} because JGit adds several megabytes
 * and an slf4j logger to the jar for these hundred lines.
 */
public final class IgnorePatterns {
  private record Rule(Pattern regex, boolean negated, boolean directoryOnly) {}

  private final List<Rule> rules;

  private IgnorePatterns(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Parses pattern lines; a line git would treat as a comment or blank is skipped. */
  public static IgnorePatterns parse(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    for (String line : lines) {
      rule(line).ifPresent(rules::add);
    }
    return new IgnorePatterns(rules);
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * The verdict of the last pattern matching a path relative to this file's directory ({@code
   * /}-separated): true ignored, false re-included by a {@code !} pattern, empty when none matches.
   */
  public Optional<Boolean> verdict(String relativePath, boolean directory) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule r = rules.get(i);
      if ((directory || !r.directoryOnly()) && r.regex().matcher(relativePath).matches()) {
        return Optional.of(!r.negated());
      }
    }
    return Optional.empty();
  }

  private static Optional<Rule> rule(String line) {
    String text = trimTrailingSpaces(line);
    if (text.isEmpty() || text.startsWith("#")) {
      return Optional.empty();
    }
    boolean negated = text.startsWith("!");
    if (negated) {
      text = text.substring(1);
    }
    boolean directoryOnly = text.endsWith("/") && !text.endsWith("\\/");
    if (directoryOnly) {
      text = text.substring(0, text.length() - 1);
    }
    // A slash at the start or in the middle anchors the pattern to this directory; otherwise it
    // matches at any depth.
    boolean anchored = text.indexOf('/') >= 0;
    if (text.startsWith("/")) {
      text = text.substring(1);
    }
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String body = globToRegex(text);
    String regex = anchored || body.startsWith("(?:.*/)?") ? body : "(?:.*/)?" + body;
    return Optional.of(new Rule(Pattern.compile(regex, Pattern.DOTALL), negated, directoryOnly));
  }

  private static String trimTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
      end--;
    }
    if (end > 0 && line.charAt(end - 1) == '\r') {
      end--;
    }
    return line.substring(0, end);
  }

  static String globToRegex(String glob) {
    StringBuilder re = new StringBuilder();
    int n = glob.length();
    for (int i = 0; i < n; i++) {
      char c = glob.charAt(i);
      if (c == '\\' && i + 1 < n) {
        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*' && atSegmentStart(glob, i)) {
        if (i + 2 == n) {
          re.append(".*");
          i++;
        } else if (glob.charAt(i + 2) == '/') {
          re.append("(?:.*/)?");
          i += 2;
        } else {
          re.append("[^/]*");
          i++;
        }
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
        i = characterClass(glob, i, re);
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }

  private static boolean atSegmentStart(String glob, int i) {
    return i == 0 || glob.charAt(i - 1) == '/';
  }

  /** Appends a {@code [...]} class and returns the index of its closing bracket. */
  private static int characterClass(String glob, int open, StringBuilder re) {
    int i = open + 1;
    StringBuilder cls = new StringBuilder("[");
    if (glob.charAt(i) == '!' || glob.charAt(i) == '^') {
      cls.append("^/");
      i++;
    }
    // A ']' first in the class is a member, as in fnmatch.
    boolean first = true;
    for (; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == ']' && !first) {
        break;
      }
      first = false;
      if (c == '\\' && i + 1 < glob.length()) {
        c = glob.charAt(++i);
      }
      if (c == '[' || c == ']' || c == '\\' || c == '&' || c == '^') {
        cls.append('\\');
      }
      cls.append(c);
    }
    if (i >= glob.length()) {
      re.append(Pattern.quote("["));
      return open;
    }
    re.append(cls).append(']');
    return i;
  }
}
