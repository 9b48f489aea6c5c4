import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, SETTINGS, useTempDirs } from "../../support/cli/run-cli.js";

const temp = useTempDirs();

describe("devportal portal-app", () => {
  it("writes apps/devportal/ into the checkout and says what to do next", async () => {
    const checkout = temp();
    writeFileSync(join(checkout, "README.md"), "the GitOps repository\n");
    const result = await runCli("portal-app", checkout, "--settings", SETTINGS, "--tag", "v1.2.3");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Image    ghcr.io/acme/devportal:v1.2.3");
    expect(result.stdout).toContain("Webhook  https://devportal.apps.acme.dev/api/github/webhooks");
    expect(result.stdout).toContain("create the Secret devportal-env");
    const overlay = readFileSync(join(checkout, "apps/devportal/kustomization.yaml"), "utf8");
    expect(overlay).toContain("newTag: v1.2.3");
    expect(existsSync(join(checkout, "apps/devportal/base/deployment.yaml"))).toBe(true);
    expect(readFileSync(join(checkout, "README.md"), "utf8")).toBe("the GitOps repository\n");
  });

  it("defaults the tag to this release and says when names are placeholders", async () => {
    const result = await runCli("portal-app", temp(), "--json");
    const output = JSON.parse(result.stdout);
    const { version } = JSON.parse(
      readFileSync(join(import.meta.dirname, "../../../package.json"), "utf8"),
    );
    expect(output).toMatchObject({ ok: true, tag: version, host: "devportal.apps.example.com" });
    expect(output.notes.join("\n")).toContain('placeholder owner "example-org"');
  });

  it("refuses to overwrite apps/devportal/ without --force", async () => {
    const checkout = temp();
    mkdirSync(join(checkout, "apps/devportal"), { recursive: true });
    writeFileSync(join(checkout, "apps/devportal/values.yaml"), "mine\n");
    const result = await runCli("portal-app", checkout, "--json");
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).message).toContain("apps/devportal is not empty");
    const forced = await runCli("portal-app", checkout, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(join(checkout, "apps/devportal/values.yaml"), "utf8")).toBe("mine\n");
  });

  it("needs an existing checkout", async () => {
    const result = await runCli("portal-app", join(temp(), "missing"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "is not a directory: give the path of your GitOps repository checkout",
    );
  });

  it("reports an invalid host as JSON", async () => {
    const result = await runCli("portal-app", temp(), "--host", "bad host", "--json");
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).problems[0]).toMatchObject({ path: "host" });
  });
});
