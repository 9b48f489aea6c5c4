import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
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
