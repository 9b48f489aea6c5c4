import { configDefaults, defineConfig } from "vitest/config";

/** `npm run test:process` sets it: the real-process tests run only when asked for. */
const processTests = process.env.DEVPORTAL_PROCESS_TESTS === "1";

export default defineConfig({
  test: {
    // test/process starts the app as real processes (and redis-server) and takes minutes on
    // a loaded machine: it is not part of `npm test`; `npm run test:process` runs it alone.
    include: processTests ? ["test/process/**/*.test.ts"] : ["test/**/*.test.ts"],
    exclude: processTests ? configDefaults.exclude : [...configDefaults.exclude, "test/process/**"],
    // Real-tool tests start Django, gunicorn and PostgreSQL: give them room, and keep the
    // two cores of CI busy without oversubscribing them.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
    // Concurrent tests of one file (test/process: each starts app processes and waits on
    // Probot's write spacing) run three at a time; a test's timeout starts when it runs.
    maxConcurrency: 3,
  },
});
