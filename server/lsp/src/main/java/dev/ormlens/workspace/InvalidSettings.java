package dev.ormlens.workspace;

/** A setting ORM Lens cannot use; the message is one line naming the file, the key and why. */
public final class InvalidSettings extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidSettings(String message) {
    super(message);
  }
}
