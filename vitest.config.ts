import { configDefaults, defineConfig } from "vitest/config";

/**
 * test/process starts the app as real processes (`probot run` on lib/, which `npm test`
 * builds first) with redis-server, and is part of `npm test` and CI. `DEVPORTAL_PROCESS_TESTS=0`
 * leaves it out of a quick local run; `npm run test:process` runs it alone.
 */
const processTests = process.env.DEVPORTAL_PROCESS_TESTS !== "0";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: processTests ? configDefaults.exclude : [...configDefaults.exclude, "test/process/**"],
    // Real-tool tests start Django, gunicorn and PostgreSQL: give them room, and keep the
    // two cores of CI busy without oversubscribing them.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
    // Concurrent tests of one file (test/process: each starts app processes and mostly waits
    // on Probot's write spacing and on recovery) run four at a time; a test's timeout starts
    // when it runs.
    maxConcurrency: 4,
  },
});
