import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { PORTAL_APP_PATH, renderPortalApp } from "../render/portal/render-portal-app.js";
import { defaultSettings } from "../request/parse-settings.js";
import { type CliIo, EXIT, writeJson } from "./cli-io.js";
import { loadSettings } from "./load-inputs.js";
import { reportFailures, reportUsage } from "./print-errors.js";
import { withPlaceholders } from "./run-render.js";
import { writeOutput } from "./write-output.js";

/**
 * `devportal portal-app <gitops-checkout>`: write `apps/devportal/` (the portal's own
 * deployment) into a local checkout of the GitOps repository, for the platform team to
 * review and commit. Touches nothing outside that directory.
 */
export function runPortalApp(
  io: CliIo,
  params: {
    checkout: string;
    settingsPath?: string;
    owner?: string;
    host?: string;
    tag: string;
    force: boolean;
    json: boolean;
  },
): number {
  if (!existsSync(params.checkout) || !statSync(params.checkout).isDirectory())
    return reportUsage(
      io,
      params.json,
      `${params.checkout} is not a directory: give the path of your GitOps repository checkout`,
    );
  const loaded = params.settingsPath ? loadSettings(params.settingsPath) : undefined;
  if (loaded && !loaded.ok)
    return reportFailures(io, params.json, [
      { source: params.settingsPath ?? "", errors: loaded.errors },
    ]);
  const { settings, notes } = withPlaceholders(loaded?.value ?? defaultSettings(), params);
  const rendered = renderPortalApp({
    settings,
    owner: settings.owner ?? "",
    tag: params.tag,
    host: params.host,
  });
  if (!rendered.ok)
    return reportFailures(io, params.json, [{ source: "portal-app", errors: rendered.errors }]);
  const prefix = `${PORTAL_APP_PATH}/`;
  const out = join(params.checkout, PORTAL_APP_PATH);
  const written = writeOutput({
    out,
    force: params.force,
    label: out,
    tree: Object.fromEntries(
      Object.entries(rendered.value.files).map(([path, text]) => [path.slice(prefix.length), text]),
    ),
  });
  if (!written.ok) return reportUsage(io, params.json, written.message);
  const { image, tag, host } = rendered.value;
  const files = Object.keys(rendered.value.files);
  if (params.json) {
    writeJson(io, { ok: true, notes, out, image, tag, host, files, removed: written.removed });
    return EXIT.ok;
  }
  const lines = [
    ...notes.map((note) => `Note: ${note}`),
    `Wrote ${out}/ (${files.length} files): the Argo CD Application devportal, namespace devportal`,
    `  Image    ${image}:${tag}`,
    `  Webhook  https://${host}/api/github/webhooks`,
    "Next: create the Secret devportal-env in the namespace devportal, then commit and push.",
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
