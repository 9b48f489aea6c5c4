// The CLI from its TypeScript sources, as `devportal` runs it from lib/: for tests that
// spawn real processes without depending on a fresh build (node --import tsx this-file ...).
import { main } from "../../../src/cli.js";

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
