package dev.ormlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the built jar from Neovim's own LSP client ({@code nvim --headless}), a client we did not
 * write: asserts a cross-file definition and a published diagnostic. Skipped, saying why, when
 * Neovim is not installed ({@code apt-get install -y neovim}; scripts/test-all.sh does it).
 */
class NeovimIT {
  @TempDir Path dir;

  static Path nvim() {
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(p, "nvim");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Test
  void definitionAndDiagnosticFromNeovim() throws Exception {
    Path nvim = nvim();
    assumeTrue(nvim != null, "Neovim (nvim) is not installed: apt-get install -y neovim");
    for (var e : LanguageServerTest.SHOP.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(
          p, e.getValue().replace("back_populates=\"plain\"", "back_populates=\"plan\""));
    }
    Path out = dir.resolve("result.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script =
        """
        local out = io.open(%s, "w")
        local function finish(code) out:close(); vim.cmd("qall!") end
        local ok, err = pcall(function()
          vim.cmd("edit " .. %s)
          local client_id = vim.lsp.start_client({
            name = "ormlens",
            cmd = { %s, "-jar", %s, "lsp" },
            root_dir = %s,
          })
          vim.lsp.buf_attach_client(0, client_id)
          -- The diagnostic: back_populates names an attribute Parent does not have.
          local found = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)
          local diags = vim.diagnostic.get(0)
          out:write("diagnostic ", found and (diags[1].code or "?") or "none", "\\n")
          -- The definition: the cursor on "Parent" in relationship("Parent", ...).
          local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
          for i, l in ipairs(lines) do
            local col = l:find('relationship%%("Parent"')
            if col then
              local params = {
                textDocument = vim.lsp.util.make_text_document_params(0),
                position = { line = i - 1, character = col + 14 },
              }
              local res = vim.lsp.buf_request_sync(0, "textDocument/definition", params, 20000)
              for _, r in pairs(res or {}) do
                for _, loc in ipairs(r.result or {}) do
                  out:write("definition ", vim.uri_to_fname(loc.uri), ":", loc.range.start.line, ":", loc.range.start.character, "\\n")
                end
              end
            end
          end
        end)
        if not ok then out:write("error ", tostring(err), "\\n") end
        finish()
        """
            .formatted(
                lua(out.toString()),
                lua(dir.resolve("shop/child.py").toString()),
                lua(java),
                lua(JarProcessIT.jar().toAbsolutePath().toString()),
                lua(dir.toString()));
    Path scriptFile = dir.resolve("drive.lua");
    Files.writeString(scriptFile, script);
    Process p =
        new ProcessBuilder(nvim.toString(), "--headless", "--clean", "-c", "luafile " + scriptFile)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nvim.log").toFile())
            .start();
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "nvim finished");
    String result =
        Files.exists(out)
            ? Files.readString(out)
            : "(no output) " + Files.readString(dir.resolve("nvim.log"));
    assertTrue(result.contains("diagnostic ORM103"), result);
    assertEquals(
        1,
        result
            .lines()
            .filter(l -> l.equals("definition " + dir.resolve("shop/parent.py") + ":7:6"))
            .count(),
        result);
  }

  private static String lua(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
