import type { AppIdentity } from "../../github/app-identity.js";
import { type FoundComment, findAppComment, upsertComment } from "../../github/issues.js";
import { splitRepository } from "../../github/octokit.js";
import type { FileTree } from "../../render/file-tree.js";
import { markdownLink } from "../../render/markdown-text.js";
import { type Rendered, render } from "../../render/render.js";
import { formatError, type Result } from "../../request/service-request.js";
import { RetryLater, retryNote, retryPlan } from "../../runtime/transient.js";
import { applyRequestChange, withRequestChange } from "../deploy/apply-request-change.js";
import type { ResolvedDeps } from "../portal-deps.js";
import { ensureRepository } from "../provision/ensure-repository.js";
import { ensureSecrets } from "../provision/ensure-secrets.js";
import { grantAccess } from "../provision/grant-access.js";
import { pushCode } from "../provision/push-code.js";
import { describeError, ownerOf } from "../provision/step-error.js";
import { decodeStatusMarker, encodeStatusMarker, statusMarkerOf } from "../state-in-github.js";
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
  job.app = await deps.app();
  const found = await findAppComment(octokit, {
    ...repo,
    issue: job.issue.number,
    marker: statusMarkerOf(job.origin),
    app: job.app,
  });
  const previous = found ? decodeStatusMarker(found.body) : undefined;
  if (job.edit && previous?.steps.code.state === "done") {
    log.info({ repo: repo.repo, issue: job.issue.number }, "edit of a provisioned request");
    if (job.bodyChanged) await acknowledgeEdit(job, { previous, app: await deps.app() });
    return previous;
  }
  const prepared = await prepareRequest(deps, job);
  // The repository this request owns stays named in its status, whatever this run finds:
  // its deployments are believed by it.
  const owned = previous?.repository ? { repository: previous.repository } : {};
  if (!prepared.ok) {
    log.info({ repo: repo.repo, issue: job.issue.number }, "request not provisioned");
    const report = { ...prepared.report, ...owned };
    await publishStatus(job, { report, ...(found ? { existing: found } : {}) });
    return report;
  }
  const report = withStep({ ...prepared.report, ...owned }, "repository", {
    state: "pending",
    note: `creating ${prepared.rendered.plan.repository.fullName}`,
  });
  // First answer for a new request: the requester sees it is being worked on. A redelivery
  // or retry already has a comment, and skips this write.
  const comment = found ?? (await publishStatus(job, { report }));
  const run: Run = { job, comment, report };
  if (!(await provision(deps, run, { ...prepared, previous }))) return run.report;
  // Finished work delivered again: the deploy pipeline rewrote the comment from its marker
  // (without the plan), so the text differs while nothing changed. Same steps, no write.
  if (
    previous?.steps.code.state === "done" &&
    comment.body.includes(encodeStatusMarker(run.report))
  ) {
    return run.report;
  }
  await publishStatus(job, { report: run.report, existing: comment });
  return run.report;
}

/** One run of the steps: the report so far, and the comment it is published in. */
interface Run {
  job: RequestJob;
  comment: FoundComment;
  report: StatusReport;
}

/**
 * A step's work, or undefined once its failure is reported: the step is marked failed with
 * the reason in the status comment, and the run stops there.
 */
async function step<T>(run: Run, name: StepName, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    await failStep(run, name, error);
    return undefined;
  }
}

async function failStep(run: Run, name: StepName, error: unknown): Promise<void> {
  const { job } = run;
  const retry = retryPlan(error, job.attempt ?? 0);
  if (retry) {
    // Transient: say so where the requester looks, and let the queue run the job again
    // (every step re-reads GitHub, so what was applied is found, not redone). GitHub may
    // refuse this write too; the retry does not depend on it.
    job.log.warn(
      { repo: job.repo.repo, issue: job.issue.number, step: name, reason: retry.reason },
      "step will be retried",
    );
    run.report = withStep(run.report, name, { state: "pending", note: retryNote(retry) });
    await publishStatus(job, { report: run.report, existing: run.comment }).catch(() => undefined);
    throw new RetryLater(retry, error);
  }
  job.log.warn(
    { repo: job.repo.repo, issue: job.issue.number, step: name, err: describeError(error) },
    "step failed",
  );
  run.report = withStep(run.report, name, {
    state: "failed",
    note: describeError(error),
    owner: ownerOf(error),
  });
  await publishStatus(job, { report: run.report, existing: run.comment });
}

/** repository -> secrets -> code (-> deploy changes of an existing service). False when a
 * step failed, which it has reported already. */
async function provision(
  deps: ResolvedDeps,
  run: Run,
  params: { rendered: Rendered; secrets: Record<string, string>; previous?: StatusReport },
): Promise<boolean> {
  const { rendered, secrets, previous } = params;
  const { octokit, origin, log } = run.job;
  const sleep = deps.sleep ? { sleep: deps.sleep } : {};
  const repository = await step(run, "repository", () =>
    ensureRepository(octokit, {
      context: rendered.context,
      origin,
      markKey: deps.markKey,
      known: previous?.repository,
    }),
  );
  if (!repository) return false;
  // The requester can push the fix a failure report asks for, whatever the organisation's
  // base role; a refusal is reported beside the repository, never stops the request.
  // Granted once, by the run that made the repository step done: a retry or redelivery
  // (whose requester may still be an invitation) writes no second grant, a refusal is tried
  // again.
  const done = previous?.steps.repository;
  const granted = done?.state === "done" && !done.note.includes("access not granted");
  const access = granted
    ? undefined
    : await grantAccess(octokit, {
        repository: repository.fullName,
        requester: origin.requester,
        access: rendered.context.settings.access,
      }).catch(async (error: unknown) => {
        // A pause of GitHub's is the queue's to wait out (failStep throws RetryLater); a
        // refusal is said and the request goes on.
        if (retryPlan(error, run.job.attempt ?? 0)) await failStep(run, "repository", error);
        return `access not granted: ${describeError(error)}`;
      });
  run.report = withStep(run.report, "repository", {
    state: "done",
    note: granted ? done.note : access ? `created; ${access}` : "created",
    link: repository.htmlUrl,
    linkText: repository.fullName,
  });
  run.report = { ...run.report, repository: { fullName: repository.fullName, id: repository.id } };
  const { owner, repo } = splitRepository(repository.fullName);
  // The plan assumed GitHub's default branch; an organisation may name it otherwise, and the
  // workflow must build pushes to the branch the repository really has.
  const files = filesForBranch(rendered, repository.defaultBranch);
  if (!files.ok) {
    await failStep(run, "code", new Error(files.errors.map(formatError).join("; ")));
    return false;
  }
  const secretsSet = await step(run, "secrets", () =>
    ensureSecrets(octokit, { owner, repo, values: secrets, ...sleep }),
  );
  if (!secretsSet) return false;
  run.report = withStep(run.report, "secrets", {
    state: "done",
    note:
      secretsSet.set.length + secretsSet.present.length === 0
        ? "none configured"
        : `${[...secretsSet.set, ...secretsSet.present].join(", ")} set before the first commit`,
  });
  const pushed = await step(run, "code", () =>
    pushCode(octokit, {
      repository,
      files: files.value,
      service: rendered.context.request.service,
      origin,
      ...sleep,
    }),
  );
  if (!pushed) return false;
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
  const kept = previous?.steps.code.state === "done" && !pushed.created;
  run.report = withStep(
    run.report,
    "code",
    kept && previous
      ? previous.steps.code
      : {
          state: "done",
          note: "one commit with every file",
          link: `${repository.htmlUrl}/commit/${pushed.sha}`,
          linkText: `commit ${pushed.sha.slice(0, 7)}`,
        },
  );
  run.report = carryDeployState(run.report, previous, pushed.created, rendered.context.request.ci);
  if (repository.state !== "resumed" || !repository.head) return true;
  // An existing service: a changed `deploy` section is re-rendered into Repository_B.
  const ref = repository.head;
  const change = await step(run, "deployed", () =>
    applyRequestChange(octokit, {
      repository: repository.fullName,
      ref,
      request: rendered.context.request,
      settings: rendered.context.settings,
      origin,
    }),
  );
  if (!change) return false;
  run.report = withRequestChange(run.report, change);
  return true;
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

/** CI, deployment and Argo CD's word belong to the deploy pipeline: keep what it reported
 * unless this run pushed a new commit, which starts them over. */
function carryDeployState(
  report: StatusReport,
  previous: StatusReport | undefined,
  pushed: boolean,
  ci: boolean,
): StatusReport {
  if (!ci) {
    return withStep(report, "ci", {
      state: "skipped",
      note: "the request has ci: false: build and deploy it yourself",
    });
  }
  if (previous && !pushed && previous.steps.ci.state !== "pending") {
    const carried = withStep(report, "ci", previous.steps.ci);
    return withStep(
      withStep(carried, "deployed", previous.steps.deployed),
      "live",
      previous.steps.live,
    );
  }
  return withStep(report, "ci", { state: "pending", note: "waiting for the first workflow run" });
}

const EDIT_MARKER = "<!-- devportal:edit-ack -->";

/**
 * An edit of a request whose code is pushed changes nothing, and says so (once: the answer
 * is one comment, rewritten only if its words change): Repository_A belongs to its team now.
 */
async function acknowledgeEdit(
  job: RequestJob,
  params: { previous: StatusReport; app: AppIdentity },
): Promise<void> {
  const { octokit, repo, issue } = job;
  const { previous } = params;
  const code = previous.steps.repository;
  const where = code.link
    ? markdownLink(code.linkText ?? "the service repository", code.link)
    : "the service repository";
  const body = [
    EDIT_MARKER,
    `@${job.sender}: this request is provisioned, so editing it changes nothing. What will happen instead:`,
    "",
    `- Models and code: change them in ${where}; every green build on its default branch is deployed.`,
    "- Deployment (host, replicas, storage, port): the platform team changes `apps/` in the GitOps repository, or the request moves to a request file, whose pushes are applied.",
    "- A failed step: comment `/devportal retry`.",
  ].join("\n");
  const existing = await findAppComment(octokit, {
    ...repo,
    issue: issue.number,
    marker: EDIT_MARKER,
    app: params.app,
  });
  await upsertComment(octokit, {
    ...repo,
    issue: issue.number,
    body,
    ...(existing ? { existing } : {}),
  });
}
