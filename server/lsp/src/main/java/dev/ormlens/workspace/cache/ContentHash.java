package dev.ormlens.workspace.cache;

/**
 * A 64-bit hash of a file's text (FNV-1a over UTF-16 units, then mixed): what the index cache
 * compares to tell whether a file whose timestamp moved still has the text its facts were made
 * from.
 */
public final class ContentHash {
  private ContentHash() {}

  public static long of(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h ^ text.length();
  }
}
