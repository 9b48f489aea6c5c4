import { type Rendered, render } from "../../render/render.js";
import { checkHostUnique } from "../../request/deploy-policy.js";
import { validateRequest } from "../../request/parse-request.js";
import type { ValidationError } from "../../request/service-request.js";
import { readServedHosts } from "../deploy/served-hosts.js";
import type { PortalDeps } from "../portal-deps.js";
import { resolveSecretValues } from "../provision/resolve-secret-values.js";
import { initialReport, type StatusReport, withStep } from "../status/status-report.js";
import { authorizeRequester } from "./authorize-requester.js";
import { loadSettings, platformTeamMention } from "./load-settings.js";
import type { RequestJob } from "./request-job.js";

export type Prepared =
  | { ok: true; report: StatusReport; rendered: Rendered; secrets: Record<string, string> }
  | { ok: false; report: StatusReport };

/**
 * Everything that happens before the first write: settings, validation, authorization,
 * render and secret values. Any failure here leaves GitHub untouched except for the report.
 */
export async function prepareRequest(deps: PortalDeps, job: RequestJob): Promise<Prepared> {
  const { octokit, repo } = job;
  let report = initialReport(job.origin);
  const settings =
    job.settings ?? (await loadSettings(octokit, { owner: repo.owner, env: deps.env }));
  if (!settings.ok) {
    // The platform's problem, not the requester's: say who must act, and where.
    const team = platformTeamMention(settings, repo.owner);
    report = withStep(report, "validated", {
      state: "failed",
      note: `the portal settings (${settings.source}) are missing or invalid: a platform problem, nothing to change in the request; ${team} must fix them, then comment /devportal retry`,
    });
    const field = (path: string) => (path ? `${settings.source}: ${path}` : settings.source);
    const problems = settings.errors.map((error) => ({
      field: field(error.path),
      message: error.message,
    }));
    return { ok: false, report: { ...report, problems } };
  }
  const raw = await job.read();
  const request = raw.ok ? validateRequest(raw.value) : raw;
  if (raw.ok && typeof raw.value.service === "string") report.service = raw.value.service;
  if (!request.ok) return { ok: false, report: invalid(report, request.errors, job) };
  report.service = request.value.service;
  const authorization = await authorizeRequester(octokit, {
    ...repo,
    login: job.sender,
    teams: settings.value.requesters,
  });
  if (!authorization.ok) {
    job.log.info({ repo: repo.repo, sender: job.sender }, "requester not authorized");
    return {
      ok: false,
      report: withStep(report, "authorized", { state: "failed", note: authorization.reason }),
    };
  }
  const rendered = render({
    request: request.value,
    settings: settings.value,
    owner: repo.owner,
    origin: job.origin,
  });
  if (!rendered.ok) return { ok: false, report: invalid(report, rendered.errors, job) };
  const { target } = rendered.value.context;
  // A host serves one service: one that another service in the GitOps repository already
  // serves is refused before anything is created (and checked again at deploy time).
  const served = await readServedHosts(octokit, {
    owner: target.gitops.owner,
    repo: target.gitops.name,
  });
  const clash = served ? checkHostUnique(target.host, request.value.service, served) : [];
  if (clash.length > 0) return { ok: false, report: invalid(report, clash, job) };
  report = withStep(report, "validated", {
    state: "done",
    note: `${request.value.models.length} model(s), ${rendered.value.plan.repository.files.length} files to create`,
  });
  report = withStep(report, "authorized", {
    state: "done",
    note: `@${job.sender}: ${authorization.via}`,
  });
  report = { ...report, plan: rendered.value.plan };
  const secrets = resolveSecretValues({ settings: settings.value, env: deps.env });
  if (!secrets.ok) {
    const note = secrets.errors.map((error) => error.message).join("; ");
    return { ok: false, report: withStep(report, "secrets", { state: "failed", note }) };
  }
  return { ok: true, report, rendered: rendered.value, secrets: secrets.value };
}

function invalid(report: StatusReport, errors: ValidationError[], job: RequestJob): StatusReport {
  const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
  const failed = withStep(report, "validated", {
    state: "failed",
    note: `${count} in the request, listed below`,
  });
  return { ...failed, problems: errors.map(asProblem(job.fieldName)) };
}

function asProblem(fieldName: (path: string) => string) {
  return (error: ValidationError) => ({
    field: error.path ? fieldName(error.path) : "request",
    message: error.message,
  });
}
