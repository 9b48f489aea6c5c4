import type { Octokit } from "../../github/octokit.js";
import { compareCommits, readFile } from "../../github/repos.js";
import type { RequestRecord } from "../../render/repository-a/request-record.js";
import { setKustomizationTag } from "../../render/repository-b/set-kustomization-tag.js";
import { bumpMessage, commitGitops } from "./commit-gitops.js";
import { COMMIT_SHA, decideAncestry, type WorkflowRunFacts } from "./decide.js";
import { type GitopsState, kustomizationPath, kustomizationTag } from "./gitops-state.js";
import { commitUrl, type DeployOutcome } from "./outcome.js";

type Ready = Extract<GitopsState, { kind: "ready" }>;

/**
 * A later green build: move `newTag` in `apps/<service>/kustomization.yaml` to the run's head
 * SHA, and nothing else, in one commit, only when the build is newer than what is deployed.
 * The tag is re-read at the head the commit builds on, so a lost race re-judges ancestry
 * against whatever the winner deployed.
 */
export async function bumpTag(
  octokit: Octokit,
  params: { facts: WorkflowRunFacts; record: RequestRecord; state: Ready },
): Promise<DeployOutcome> {
  const { facts, record, state } = params;
  const { run } = facts;
  const service = record.request.service;
  const path = kustomizationPath(service);
  let from = "";
  const result = await commitGitops<DeployOutcome>(octokit, {
    owner: state.owner,
    repo: state.repo,
    branch: state.branch,
    plan: async (head) => {
      const text = await readFile(octokit, {
        owner: state.owner,
        repo: state.repo,
        path,
        ref: head,
      });
      const deployed = text === undefined ? undefined : kustomizationTag(text, record.image);
      if (text === undefined || deployed === undefined) {
        const reason = `${path} in ${state.gitops} has no image ${record.image}`;
        return { skip: { kind: "refused", run, reason } };
      }
      from = deployed;
      const needsHistory = deployed !== run.headSha && COMMIT_SHA.test(deployed);
      const relation = needsHistory
        ? await compareCommits(octokit, {
            owner: facts.repository.owner,
            repo: facts.repository.name,
            base: deployed,
            head: run.headSha,
          })
        : undefined;
      const ancestry = decideAncestry({ deployed, candidate: run.headSha, relation });
      if (ancestry.move === "none") {
        return { skip: { kind: "unchanged", run, tag: deployed, reason: ancestry.reason } };
      }
      if (ancestry.move === "refuse") {
        return { skip: { kind: "refused", run, reason: ancestry.reason } };
      }
      const updated = setKustomizationTag(text, { image: record.image, tag: run.headSha });
      const message = bumpMessage({
        service,
        repository: facts.repository.fullName,
        from: deployed,
        tag: run.headSha,
        run,
      });
      return { write: { files: { [path]: updated }, deletePaths: [], message } };
    },
  });
  if (result.kind === "skipped") return result.value;
  return {
    kind: "bumped",
    run,
    from,
    tag: run.headSha,
    commit: { sha: result.sha, url: commitUrl(state.gitops, result.sha) },
  };
}
