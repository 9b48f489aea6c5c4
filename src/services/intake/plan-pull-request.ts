import type { Logger } from "probot";
import { upsertCheckRun } from "../../github/checks.js";
import { listPullRequestFiles } from "../../github/issues.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { readFile } from "../../github/repos.js";
import { render } from "../../render/render.js";
import { parseRequest } from "../../request/parse-request.js";
import { formatError } from "../../request/service-request.js";
import type { ResolvedDeps } from "../portal-deps.js";
import { renderPlan } from "../status/render-plan.js";
import { loadSettings, takesRequests } from "./load-settings.js";
import { isRequestFile } from "./request-files.js";

export const PLAN_CHECK_NAME = "devportal / plan";

/**
 * A pull request touching request files gets the check run `devportal / plan`: what merging
 * would create, or every problem to fix. It reads and reports, nothing else. Settings come
 * from the control plane: a pull request cannot change them for its own plan, and a
 * repository the settings do not list gets no check at all.
 */
export async function planPullRequest(
  deps: ResolvedDeps,
  params: {
    octokit: Octokit;
    log: Logger;
    repo: RepoParams;
    pull: number;
    sha: string;
  },
): Promise<void> {
  const { octokit, repo, sha } = params;
  const files = (await listPullRequestFiles(octokit, { ...repo, pull: params.pull })).filter(
    isRequestFile,
  );
  if (files.length === 0) return;
  const settings = await loadSettings(octokit, { owner: repo.owner, env: deps.env });
  if (!takesRequests(settings, repo)) {
    params.log.info({ repo: repo.repo, pull: params.pull }, "not a request repository: no plan");
    return;
  }
  const sections: string[] = [];
  let valid = settings.ok;
  if (!settings.ok) sections.push(problems("Portal settings", settings.errors.map(formatError)));
  for (const path of files) {
    const text = (await readFile(octokit, { ...repo, path, ref: sha })) ?? "";
    const request = parseRequest(text, path);
    const rendered =
      request.ok && settings.ok
        ? render({ request: request.value, settings: settings.value, owner: repo.owner })
        : request;
    if (rendered.ok && "plan" in rendered.value) {
      sections.push(`### \`${path}\`\n\n${renderPlan(rendered.value.plan)}`);
    } else if (!rendered.ok) {
      valid = false;
      sections.push(problems(`\`${path}\``, rendered.errors.map(formatError)));
    }
  }
  params.log.info({ repo: repo.repo, pull: params.pull, valid }, "plan check");
  await upsertCheckRun(octokit, {
    ...repo,
    sha,
    name: PLAN_CHECK_NAME,
    conclusion: valid ? "success" : "failure",
    output: {
      title: valid ? `Plan for ${files.length} request(s)` : "The request has problems",
      summary: sections.join("\n\n"),
    },
  });
}

function problems(title: string, lines: string[]): string {
  // Check run output is Markdown; messages quote user input, so keep them in code spans.
  const items = lines.map((line) => `- \`${line.replace(/`/g, "'")}\``);
  return `### ${title}: ${lines.length} problem(s)\n\n${items.join("\n")}`;
}
