import { findAppComment } from "../../github/issues.js";
import { splitRepository } from "../../github/octokit.js";
import type { FileTree } from "../../render/file-tree.js";
import { type Rendered, render } from "../../render/render.js";
import { formatError, type Result } from "../../request/service-request.js";
import { applyRequestChange, withRequestChange } from "../deploy/apply-request-change.js";
import type { ResolvedDeps } from "../portal-deps.js";
import { ensureRepository } from "../provision/ensure-repository.js";
import { ensureSecrets } from "../provision/ensure-secrets.js";
import { pushCode } from "../provision/push-code.js";
import { describeError } from "../provision/step-error.js";
import { decodeStatusMarker, statusMarkerOf } from "../state-in-github.js";
import { publishStatus } from "../status/publish-status.js";
import { type StatusReport, type StepName, withStep } from "../status/status-report.js";
import { withKeyLock } from "../with-key-lock.js";
import { loadSettings, takesRequests } from "./load-settings.js";
import { prepareRequest } from "./prepare-request.js";
import type { RequestJob } from "./request-job.js";

/**
 * A request from intake to pushed code: prepare (no writes), then the idempotent steps
 * repository -> secrets -> code, each reading GitHub first. A failed step is reported in the
 * status comment with its reason and stops the run; `/devportal retry` runs it all again and
 * the steps already done find their work and skip it. Expected failures are reported, not
 * thrown, so they never turn into failed webhook deliveries. A repository the control plane
 * does not list as a request repository gets no answer at all (undefined): not one write.
 */
export function runRequest(deps: ResolvedDeps, job: RequestJob): Promise<StatusReport | undefined> {
  // Two deliveries for one issue at once (opened and a quick edit) would each find no status
  // comment and create one: in this process they take turns.
  const key = `request:${job.repo.owner}/${job.repo.repo}#${job.issue.number}`.toLowerCase();
  return withKeyLock(key, () => runRequestNow(deps, job));
}

async function runRequestNow(
  deps: ResolvedDeps,
  job: RequestJob,
): Promise<StatusReport | undefined> {
  const { octokit, repo, log } = job;
  const settings =
    job.settings ?? (await loadSettings(octokit, { owner: repo.owner, env: deps.env }));
  if (!takesRequests(settings, repo)) {
    log.info({ repo: repo.repo, issue: job.issue.number }, "not a request repository: ignored");
    return undefined;
  }
  job.settings = settings;
  let comment = await findAppComment(octokit, {
    ...repo,
    issue: job.issue.number,
    marker: statusMarkerOf(job.origin),
    app: await deps.app(),
  });
  const previous = comment ? decodeStatusMarker(comment.body) : undefined;
  if (job.edit && previous?.steps.code.state === "done") {
    log.info({ repo: repo.repo, issue: job.issue.number }, "edit of a provisioned request ignored");
    return previous;
  }
  const prepared = await prepareRequest(deps, job);
  // The repository this request owns stays named in its status, whatever this run finds:
  // its deployments are believed by it.
  const owned = previous?.repository ? { repository: previous.repository } : {};
  if (!prepared.ok) {
    log.info({ repo: repo.repo, issue: job.issue.number }, "request not provisioned");
    const report = { ...prepared.report, ...owned };
    await publishStatus(job, { report, ...(comment ? { existing: comment } : {}) });
    return report;
  }
  const { rendered, secrets } = prepared;
  let report = withStep({ ...prepared.report, ...owned }, "repository", {
    state: "pending",
    note: `creating ${rendered.plan.repository.fullName}`,
  });
  // First answer for a new request: the requester sees it is being worked on. A redelivery
  // or retry already has a comment, and skips this write.
  if (!comment) comment = await publishStatus(job, { report });
  const fail = async (step: StepName, error: unknown) => {
    log.warn(
      { repo: repo.repo, issue: job.issue.number, step, err: describeError(error) },
      "step failed",
    );
    report = withStep(report, step, { state: "failed", note: describeError(error) });
    await publishStatus(job, { report, existing: comment });
    return report;
  };
  const sleep = deps.sleep ? { sleep: deps.sleep } : {};

  let repository: Awaited<ReturnType<typeof ensureRepository>>;
  try {
    repository = await ensureRepository(octokit, {
      context: rendered.context,
      origin: job.origin,
      markKey: deps.markKey,
      known: previous?.repository,
    });
  } catch (error) {
    return fail("repository", error);
  }
  report = withStep(report, "repository", {
    state: "done",
    note: repository.fullName,
    link: repository.htmlUrl,
  });
  report = { ...report, repository: { fullName: repository.fullName, id: repository.id } };
  const { owner, repo: name } = splitRepository(repository.fullName);
  // The plan assumed GitHub's default branch; an organisation may name it otherwise, and the
  // workflow must build pushes to the branch the repository really has.
  const files = filesForBranch(rendered, repository.defaultBranch);
  if (!files.ok) return fail("code", new Error(files.errors.map(formatError).join("; ")));
  try {
    const result = await ensureSecrets(octokit, { owner, repo: name, values: secrets, ...sleep });
    report = withStep(report, "secrets", {
      state: "done",
      note:
        result.set.length + result.present.length === 0
          ? "none configured"
          : `${[...result.set, ...result.present].join(", ")} set before the first commit`,
    });
  } catch (error) {
    return fail("secrets", error);
  }
  try {
    const pushed = await pushCode(octokit, {
      repository,
      files: files.value,
      service: rendered.context.request.service,
      origin: job.origin,
      ...sleep,
    });
    log.info(
      {
        repo: repository.fullName,
        sha: pushed.sha,
        state: repository.state,
        created: pushed.created,
      },
      "code pushed",
    );
    // A resumed run keeps the link to the commit that was pushed, not to today's head.
    const done = previous?.steps.code.state === "done" && !pushed.created;
    report = withStep(
      report,
      "code",
      done && previous
        ? previous.steps.code
        : {
            state: "done",
            note: "one commit with every file",
            link: `${repository.htmlUrl}/commit/${pushed.sha}`,
          },
    );
    report = carryDeployState(report, previous, pushed.created, rendered.context.request.ci);
  } catch (error) {
    return fail("code", error);
  }
  if (repository.state === "resumed" && repository.head) {
    // An existing service: a changed `deploy` section is re-rendered into Repository_B.
    try {
      const change = await applyRequestChange(octokit, {
        repository: repository.fullName,
        ref: repository.head,
        request: rendered.context.request,
        settings: rendered.context.settings,
        origin: job.origin,
      });
      report = withRequestChange(report, change);
    } catch (error) {
      return fail("deployed", error);
    }
  }
  await publishStatus(job, { report, existing: comment });
  return report;
}

function filesForBranch(rendered: Rendered, branch: string): Result<FileTree> {
  const { context } = rendered;
  if (branch === context.target.branch) return { ok: true, value: rendered.repositoryA };
  const again = render({
    request: context.request,
    settings: context.settings,
    owner: context.target.repository.owner,
    tag: context.target.tag,
    branch,
    ...(context.origin ? { origin: context.origin } : {}),
  });
  return again.ok ? { ok: true, value: again.value.repositoryA } : again;
}

/** CI and deployment belong to the deploy pipeline: keep what it reported unless this run
 * pushed a new commit, which starts them over. */
function carryDeployState(
  report: StatusReport,
  previous: StatusReport | undefined,
  pushed: boolean,
  ci: boolean,
): StatusReport {
  if (!ci) {
    return withStep(report, "ci", { state: "skipped", note: "the request has ci: false" });
  }
  if (previous && !pushed && previous.steps.ci.state !== "pending") {
    return withStep(withStep(report, "ci", previous.steps.ci), "deployed", previous.steps.deployed);
  }
  return withStep(report, "ci", { state: "pending", note: "waiting for the first workflow run" });
}
