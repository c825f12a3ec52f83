package dev.ormlens.lsp;

/**
 * Reports work done while the workspace is indexed: the protocol's {@code $/progress}, or nothing.
 */
interface Progress {
  Progress NONE =
      new Progress() {
        @Override
        public void begin(String title, int total) {}

        @Override
        public void report(int done, int total) {}

        @Override
        public void end(String message) {}
      };

  void begin(String title, int total);

  void report(int done, int total);

  void end(String message);
}
