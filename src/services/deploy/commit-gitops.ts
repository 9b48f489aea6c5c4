import { commitFiles } from "../../github/commit-files.js";
import { getBranchHead } from "../../github/git.js";
import { type Octokit, type RepoParams, statusOf } from "../../github/octokit.js";
import { initEmptyRepository } from "../../github/repos.js";
import type { FileTree } from "../../render/file-tree.js";
import { type CatalogEntry, renderCatalog } from "../../render/repository-b/render-catalog.js";
import type { RequestOrigin } from "../../request/service-request.js";
import { short } from "./decide.js";

export type GitopsPlan<T> = { write: GitopsChanges & { message: string } } | { skip: T };

export type GitopsCommitResult<T> =
  | { kind: "written"; sha: string; created: boolean }
  | { kind: "skipped"; value: T };

/**
 * One commit to Repository_B, planned from what the branch holds at `head`. Several services
 * share the repository (and its catalog README), so a lost ref race (422 "Update is not a
 * fast forward") re-reads the branch and plans again from scratch, a bounded number of
 * times: retrying the same files would overwrite what the winner just wrote.
 */
export async function commitGitops<T>(
  octokit: Octokit,
  params: RepoParams & {
    branch: string;
    plan: (head: string) => Promise<GitopsPlan<T>>;
    attempts?: number;
    /** The branch head the caller has just read: the first plan builds on it without
     * reading the ref again. Safe however stale: the commit is pinned to it, so a moved
     * branch answers 422 and the next attempt reads the ref afresh. */
    head?: string | undefined;
  },
): Promise<GitopsCommitResult<T>> {
  const { owner, repo, branch } = params;
  const attempts = params.attempts ?? 5;
  let known = params.head;
  for (let attempt = 1; ; attempt++) {
    const head = known ?? (await getBranchHead(octokit, { owner, repo, branch }));
    known = undefined;
    if (head === undefined) {
      // A repository created without "Add a README" has no commit for the Git Data API.
      if (attempt >= attempts) throw new Error(`${owner}/${repo} has no ${branch} branch`);
      await initEmptyRepository(octokit, { owner, repo, branch, message: "Initial commit" });
      continue;
    }
    const plan = await params.plan(head);
    if ("skip" in plan) return { kind: "skipped", value: plan.skip };
    try {
      const result = await commitFiles(octokit, {
        owner,
        repo,
        branch,
        // Pinned: the plan was made from `head`, so a moved branch must fail, not rebase.
        parent: head,
        files: plan.write.files,
        deletePaths: plan.write.deletePaths,
        message: plan.write.message,
      });
      return { kind: "written", sha: result.sha, created: result.created };
    } catch (error) {
      if (statusOf(error) !== 422 || attempt >= attempts) throw error;
    }
  }
}

export const APPLICATION_SET_PATH = "k8s/applicationset.yaml";
export const CATALOG_PATH = "README.md";

export interface GitopsChanges {
  files: FileTree;
  /** Directories replaced as a whole: a manifest the new render drops is deleted. */
  deletePaths: string[];
}

/**
 * The files a deployment writes into Repository_B, given what it holds now: the service's
 * directory (all of it, so a file dropped from the render is removed), the ApplicationSet
 * only when missing (the platform team may have tuned theirs), and the catalog README with
 * this service's row. Nothing outside `apps/<service>/` and those two bootstrap files.
 */
export function gitopsChanges(params: {
  rendered: FileTree;
  service: string;
  entry: CatalogEntry;
  current: { readme: string | undefined; hasApplicationSet: boolean };
}): GitopsChanges {
  const directory = `apps/${params.service}/`;
  const files: FileTree = {};
  for (const [path, content] of Object.entries(params.rendered)) {
    if (path.startsWith(directory)) files[path] = content;
  }
  const applicationSet = params.rendered[APPLICATION_SET_PATH];
  if (!params.current.hasApplicationSet && applicationSet !== undefined) {
    files[APPLICATION_SET_PATH] = applicationSet;
  }
  const entries = withCatalogEntry(parseCatalog(params.current.readme), params.entry);
  files[CATALOG_PATH] = renderCatalog(entries);
  return { files, deletePaths: [directory] };
}

/** A catalog row as renderCatalog writes it:
 * `| [svc](apps/svc/) | url | \`image\` | database | owner/repo |`. */
const ROW = /^\| \[([a-z0-9-]+)\]\(apps\/\1\/\) \| (.*?) \| `(.*?)` \| (.*?) \| (.*?) \|$/;

/**
 * The services Repository_B's README lists. The README is the catalog's only store, so a
 * new service is added by reading the rows back, adding one and rendering the whole table
 * again. Lines that are not rows (hand-written prose) are not entries and are dropped with
 * the rest of the template's text, which the render restores.
 */
export function parseCatalog(readme: string | undefined): CatalogEntry[] {
  if (!readme) return [];
  const entries: CatalogEntry[] = [];
  for (const line of readme.split("\n")) {
    const match = ROW.exec(line.trimEnd());
    if (!match) continue;
    const [, service, url, image, database, repository] = match.map(unescapeCell);
    entries.push({
      service: service as string,
      url: url as string,
      image: image as string,
      database: database as string,
      repository: repository as string,
    });
  }
  return entries;
}

/** The catalog with `entry` added, or replacing the row of the same service. */
export function withCatalogEntry(
  entries: readonly CatalogEntry[],
  entry: CatalogEntry,
): CatalogEntry[] {
  return [...entries.filter((existing) => existing.service !== entry.service), entry];
}

function unescapeCell(value: string | undefined): string {
  return (value ?? "").replace(/\\\|/g, "|");
}

export interface RunRef {
  id: number;
  number: number;
  htmlUrl: string;
}

/** Commit messages of Repository_B. The subject names the service and the short SHA, so
 * `git log --oneline apps/<service>` reads as the service's deployment history; the body
 * links the build that produced the image. */
export function firstDeployMessage(params: {
  service: string;
  repository: string;
  tag: string;
  run: RunRef;
  origin: RequestOrigin | null;
}): string {
  const request = params.origin?.issue
    ? `Requested in ${params.origin.repository}#${params.origin.issue}.`
    : undefined;
  return [
    `Deploy ${params.service} at ${short(params.tag)}`,
    "",
    `Adds apps/${params.service}/ for ${params.repository}@${params.tag},`,
    `image built by run #${params.run.number}: ${params.run.htmlUrl}`,
    ...(request ? [request] : []),
  ].join("\n");
}

export function bumpMessage(params: {
  service: string;
  repository: string;
  from: string;
  tag: string;
  run: RunRef;
}): string {
  return [
    `${params.service}: deploy ${short(params.tag)} (run #${params.run.number})`,
    "",
    `Image tag ${short(params.from)} -> ${params.tag}`,
    `built from ${params.repository}@${params.tag} by ${params.run.htmlUrl}`,
  ].join("\n");
}

export function redeployMessage(params: {
  service: string;
  changed: string[];
  tag: string;
}): string {
  return [
    `${params.service}: apply deploy changes (${params.changed.join(", ")})`,
    "",
    `Re-rendered apps/${params.service}/ from the updated request, image tag kept at ${params.tag}.`,
  ].join("\n");
}
