import type { FileTree } from "../render/file-tree.js";
import { type Rendered, render } from "../render/render.js";
import {
  generateSecretKey,
  sealRuntimeSecret,
} from "../render/sealed-secrets/seal-secret-value.js";
import type { PortalSettings } from "../request/settings.schema.js";
import { type CliIo, EXIT, writeJson } from "./cli-io.js";
import { formatPlan } from "./format-plan.js";
import { loadInputs } from "./load-inputs.js";
import { reportFailures, reportUsage } from "./print-errors.js";
import { writeOutput } from "./write-output.js";

/** Names used when no settings say where the service would live: plainly fake, and said so. */
export const PLACEHOLDER = { owner: "example-org", domain: "apps.example.com" } as const;

export interface RenderParams {
  requestPath: string;
  settingsPath?: string;
  owner?: string;
  tag?: string;
  json: boolean;
}

/** `devportal plan`: what render would write, nothing written. */
export function runPlan(io: CliIo, params: RenderParams): number {
  const prepared = prepare(io, params);
  if (typeof prepared === "number") return prepared;
  const { rendered, notes } = prepared;
  if (params.json) writeJson(io, { ok: true, notes, plan: rendered.plan });
  else io.stdout.write(formatPlan({ plan: rendered.plan, notes, tagGiven: !!params.tag }));
  return EXIT.ok;
}

/** `devportal render`: the plan, and both repositories written under --out. */
export function runRender(
  io: CliIo,
  params: RenderParams & { out: string; force: boolean },
): number {
  const prepared = prepare(io, params);
  if (typeof prepared === "number") return prepared;
  const { rendered, notes } = prepared;
  const written = writeOutput({
    out: params.out,
    force: params.force,
    tree: {
      ...prefixed("repository-a", rendered.repositoryA),
      ...prefixed("repository-b", rendered.repositoryB),
    },
  });
  if (!written.ok) return reportUsage(io, params.json, written.message);
  if (params.json) {
    writeJson(io, {
      ok: true,
      notes,
      out: params.out,
      written: written.written,
      removed: written.removed,
      plan: rendered.plan,
    });
  } else {
    io.stdout.write(
      formatPlan({ plan: rendered.plan, notes, tagGiven: !!params.tag, outDir: params.out }),
    );
    for (const path of written.removed) io.stdout.write(`  removed ${path} (no longer rendered)\n`);
  }
  return EXIT.ok;
}

function prepare(
  io: CliIo,
  params: RenderParams,
): number | { rendered: Rendered; notes: string[] } {
  const inputs = loadInputs(params);
  if (!inputs.ok) return reportFailures(io, params.json, inputs.failures);
  const { settings, notes } = withPlaceholders(inputs.value.settings, {
    ...params,
    requestedHost: inputs.value.request.deploy.host,
  });
  // sealed-secrets: a fresh key, sealed for the controller, as the app does on first deploy.
  const { certificate, mode } = settings.runtime_secret;
  const sealed =
    mode === "sealed-secrets" && certificate
      ? sealRuntimeSecret({
          certificate,
          service: inputs.value.request.service,
          secretKey: generateSecretKey(),
        })
      : undefined;
  const rendered = render({
    request: inputs.value.request,
    settings,
    tag: params.tag,
    ...(sealed ? { sealed } : {}),
  });
  if (!rendered.ok)
    return reportFailures(io, params.json, [
      { source: params.requestPath, errors: rendered.errors },
    ]);
  return { rendered: rendered.value, notes };
}

/**
 * The settings the render uses. An explicit --owner wins over the settings file: it is what
 * the user asked for now. Without settings the CLI still renders, with placeholder names it
 * says out loud (the app uses the organisation it is installed in).
 */
export function withPlaceholders(
  loaded: PortalSettings,
  params: { settingsPath?: string; owner?: string; requestedHost?: string | undefined },
): { settings: PortalSettings; notes: string[] } {
  const notes: string[] = [];
  const settings = { ...loaded };
  if (params.owner) settings.owner = params.owner;
  if (!settings.owner) {
    settings.owner = PLACEHOLDER.owner;
    notes.push(
      `placeholder owner "${PLACEHOLDER.owner}": ${params.settingsPath ? "the settings name no owner (the app uses the organisation it is installed in)" : "no --settings given"}; pass --owner <org> or --settings <.github/devportal.yml> for real names`,
    );
  }
  if (!params.settingsPath && !settings.domain) {
    settings.domain = PLACEHOLDER.domain;
    notes.push(
      `placeholder domain "${PLACEHOLDER.domain}": no --settings given; hosts default to <service>.<domain> from your settings`,
    );
    // The host policy is the platform's (domain, allowed_hosts): without its settings there
    // is nothing to check the request's own host against, so it is taken as written.
    if (params.requestedHost) {
      settings.allowed_hosts = [...settings.allowed_hosts, params.requestedHost];
      notes.push(
        `host "${params.requestedHost}" not checked: the platform's domain and allowed_hosts come with --settings`,
      );
    }
  }
  return { settings, notes };
}

function prefixed(prefix: string, tree: FileTree): FileTree {
  return Object.fromEntries(
    Object.entries(tree).map(([path, content]) => [`${prefix}/${path}`, content]),
  );
}
