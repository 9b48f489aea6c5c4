import type { Logger } from "probot";
import { upsertCheckRun } from "../../github/checks.js";
import { findAppComment, upsertComment } from "../../github/issues.js";
import { type Octokit, type RepoParams, splitRepository } from "../../github/octokit.js";
import { listPullRequestFiles } from "../../github/pulls.js";
import { getRepository, readFile } from "../../github/repos.js";
import {
  type Annotation,
  checkRunFeedback,
  clip,
  type Problem,
} from "../../render/feedback/fit-problems.js";
import { GITHUB_LIMITS } from "../../render/feedback/github-limits.js";
import {
  type FilePlan,
  PLAN_COMMENT_MARKER,
  renderPullRequestPlan,
} from "../../render/feedback/pull-request-plan.js";
import { render } from "../../render/render.js";
import { lineOfPath } from "../../request/locate-yaml-path.js";
import { parseRequest } from "../../request/parse-request.js";
import type { ServiceRequest } from "../../request/service-request.js";
import { diffRequest } from "../deploy/apply-request-change.js";
import type { ResolvedDeps } from "../portal-deps.js";
import { readRequestRecord } from "../read-request-record.js";
import { type LoadedSettings, loadSettings, takesRequests } from "./load-settings.js";
import { isRequestFile } from "./request-files.js";

export const PLAN_CHECK_NAME = "devportal / plan";

export interface PullRequestFacts {
  number: number;
  /** The head commit: the check run's commit, and where the request files are read (GitHub
   * serves a fork's head commit from the base repository too). */
  sha: string;
  /** The head lives in another repository: nothing here may depend on secrets. */
  fork: boolean;
  /** A draft gets the check and an edit of an existing plan comment, never a new comment:
   * a new comment notifies everyone subscribed. */
  draft: boolean;
}

/**
 * A pull request touching request files gets (1) the check run `devportal / plan`, the merge
 * gate, with an annotation on the line of each problem, and (2) ONE plan comment (found by
 * its marker, written by the app itself), created once and edited in place on every push:
 * what merging would create, change or refuse, per request file. It reads and reports,
 * nothing else. Settings come from the control plane, never from the pull request (nor a
 * fork's base or head): a pull request cannot change them for its own plan, and a
 * repository the settings do not list gets no answer at all. Unchanged text writes nothing,
 * so a redelivery costs reads only.
 */
export async function planPullRequest(
  deps: ResolvedDeps,
  params: { octokit: Octokit; log: Logger; repo: RepoParams; pull: PullRequestFacts },
): Promise<void> {
  const { octokit, repo, pull, log } = params;
  const files = (await listPullRequestFiles(octokit, { ...repo, pull: pull.number })).filter(
    isRequestFile,
  );
  if (files.length === 0) return;
  const settings = await loadSettings(octokit, { owner: repo.owner, env: deps.env });
  if (!takesRequests(settings, repo)) {
    log.info({ repo: repo.repo, pull: pull.number }, "not a request repository: no plan");
    return;
  }
  const plans: FilePlan[] = [];
  const annotations: Annotation[] = [];
  for (const path of files) {
    const text = (await readFile(octokit, { ...repo, path, ref: pull.sha })) ?? "";
    const planned = await planFile(octokit, { repo, path, text, settings });
    if (planned.kind === "problems") {
      // Each problem on its line: listed so in the comment, annotated there by the check.
      planned.problems = planned.problems.map((problem) => ({
        ...problem,
        line: lineOfPath(text, problem.field),
      }));
      annotations.push(
        ...checkRunFeedback({
          title: path,
          intro: "",
          problems: planned.problems,
          path,
          lineOf: (problem) => problem.line,
        }).annotations,
      );
    }
    plans.push(planned);
  }
  const settingsProblems = settings.ok ? undefined : settings.errors.map(toProblem);
  const valid = !settingsProblems && plans.every((file) => file.kind !== "problems");
  const body = renderPullRequestPlan({
    files: plans,
    ...(settingsProblems ? { settingsProblems } : {}),
    fork: pull.fork,
  });
  const failing = plans.filter((file) => file.kind === "problems").length;
  log.info({ repo: repo.repo, pull: pull.number, valid, files: files.length }, "plan");
  await upsertCheckRun(octokit, {
    ...repo,
    sha: pull.sha,
    name: PLAN_CHECK_NAME,
    conclusion: valid ? "success" : "failure",
    output: {
      title: valid
        ? `Plan for ${files.length} request file(s)`
        : settingsProblems
          ? "The portal settings have problems"
          : `${failing} request file(s) have problems`,
      summary: clip(body.replace(PLAN_COMMENT_MARKER, "").trim(), GITHUB_LIMITS.checkRunSummary),
    },
    annotations,
  });
  const app = await deps.app();
  const existing = await findAppComment(octokit, {
    ...repo,
    issue: pull.number,
    marker: PLAN_COMMENT_MARKER,
    app,
  });
  if (!existing && pull.draft) return; // the check carries the plan; the comment waits for review
  await upsertComment(octokit, {
    ...repo,
    issue: pull.number,
    body,
    ...(existing ? { existing } : {}),
  });
}

async function planFile(
  octokit: Octokit,
  params: { repo: RepoParams; path: string; text: string; settings: LoadedSettings },
): Promise<FilePlan> {
  const { path, text, settings } = params;
  const request = parseRequest(text, path);
  if (!request.ok) return { path, kind: "problems", problems: request.errors.map(toProblem) };
  if (!settings.ok) {
    const message = "no plan until the portal settings are fixed (see above)";
    return { path, kind: "problems", problems: [{ field: "", message }] };
  }
  const rendered = render({
    request: request.value,
    settings: settings.value,
    owner: params.repo.owner,
  });
  if (!rendered.ok) return { path, kind: "problems", problems: rendered.errors.map(toProblem) };
  const { plan, context } = rendered.value;
  const existing = await existingService(octokit, { ...params, plan });
  if (existing.kind === "none") return { path, kind: "plan", plan };
  if (existing.kind === "foreign") {
    const message = `${plan.repository.fullName} already exists and is not this request's service: choose another service name`;
    return { path, kind: "problems", problems: [{ field: "service", message }] };
  }
  const diff = diffRequest(existing.request, context.request);
  return { path, kind: "change", plan, deploy: diff.deploy, models: diff.models };
}

/** Whether the plan's repository exists: "ours" when its record points back to this very
 * file (a change of a provisioned service), "foreign" for anyone else's repository. */
async function existingService(
  octokit: Octokit,
  params: { repo: RepoParams; path: string; plan: { repository: { fullName: string } } },
): Promise<{ kind: "none" } | { kind: "foreign" } | { kind: "ours"; request: ServiceRequest }> {
  const target = splitRepository(params.plan.repository.fullName);
  const repository = await getRepository(octokit, target);
  if (!repository) return { kind: "none" };
  const record = (await readRequestRecord(octokit, { ...target, ref: repository.defaultBranch }))
    ?.record;
  const origin = record?.origin;
  const same =
    origin?.repository.toLowerCase() === `${params.repo.owner}/${params.repo.repo}`.toLowerCase() &&
    origin.path === params.path;
  return same && record ? { kind: "ours", request: record.request } : { kind: "foreign" };
}

function toProblem(error: { path: string; message: string }): Problem {
  return { field: error.path, message: error.message };
}
