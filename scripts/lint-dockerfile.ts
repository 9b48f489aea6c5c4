// `npm run lint` runs this on the portal's Dockerfile: exit 1 with every problem, one per
// line, or 0 with a one-line summary. Usage: tsx scripts/lint-dockerfile.ts [Dockerfile...]
import { readFileSync } from "node:fs";
import { lintDockerfile } from "./dockerfile-rules.js";

const files = process.argv.length > 2 ? process.argv.slice(2) : ["Dockerfile"];
let failed = false;
for (const file of files) {
  const problems = lintDockerfile(readFileSync(file, "utf8"));
  for (const problem of problems)
    process.stderr.write(`${file}:${problem.line}: ${problem.message} (${problem.rule})\n`);
  if (problems.length > 0) failed = true;
  else process.stdout.write(`${file}: no problems\n`);
}
process.exitCode = failed ? 1 : 0;
