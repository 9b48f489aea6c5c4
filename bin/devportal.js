#!/usr/bin/env node
// Thin launcher: the CLI is compiled to lib/ by `npm run build`.
import { main } from "../lib/cli.js";

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
