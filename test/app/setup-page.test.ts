import { createServer } from "node:net";
import nock from "nock";
import { run } from "probot";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { readIssueForm } from "../../src/app/issue-form.js";

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1"); // the Probot server under test, nothing else
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

it("without credentials, `probot run` serves the setup page that registers app.yml", async () => {
  const port = await freePort();
  const server = await run(createApp({ env: {}, issueForm: readIssueForm() }), {
    // No APP_ID or PRIVATE_KEY: Probot's setup mode. smee.io and .env are stubbed so the test
    // neither reaches the internet nor writes a file.
    env: { PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "fatal", NODE_ENV: "test" },
    SmeeClient: { createChannel: async () => "https://smee.io/devportal-test" },
    updateEnv: (env) => env,
  });
  try {
    const response = await fetch(`http://127.0.0.1:${port}/probot`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Register GitHub App");
    expect(page).toContain("Dev Portal"); // the manifest read from app.yml
    expect(page).toContain("administration");
  } finally {
    await server.stop();
  }
});
