import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real-tool tests start Django, gunicorn and PostgreSQL: give them room, and keep the
    // two cores of CI busy without oversubscribing them.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
  },
});
