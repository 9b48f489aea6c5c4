import { createSign } from "node:crypto";
import sodium from "libsodium-wrappers";
import { INSTALLATION_ID } from "../../../test/support/github/payloads.js";
import { ORG } from "../../../test/support/github/scenario.js";
import { finish, startRun } from "../../../test/support/github/workflow-runs.js";
import type { World } from "../../../test/support/process/world.js";
import type { FileTree } from "../../render/file-tree.js";
import { CallLog, countCalls } from "./call-log.js";
import type { StageFigures } from "./figures.js";

/** The original portal's documented timings (seed/dev-portal-auto-deploy.md). */
export const ORIGINAL = { pollEveryS: 10, ciRunS: 180 };

export interface OriginalFigures {
  provisioning: StageFigures;
  deployment: StageFigures;
  /** The portal answered `POST /api/generate-and-deploy` only at the end of the whole flow. */
  answerMs: number;
  polls: number;
}

/** A GitHub client as the original used it: plain REST calls with one token, no retries, no
 * pacing; a non-2xx answer ends the request. */
class RestClient {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  async call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        authorization: `token ${this.token}`,
        accept: "application/vnd.github+json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  }

  async ok(method: string, path: string, body?: unknown): Promise<unknown> {
    const answer = await this.call(method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}`);
    return answer.json;
  }
}

/** The token the original took from the user's form; here one the double issues. */
export async function originalClient(world: World): Promise<RestClient> {
  const base = `http://${world.github.host}/api/v3`;
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${encode({ alg: "RS256", typ: "JWT" })}.${encode({ iat: now - 30, exp: now + 300, iss: world.keys.appId })}`;
  const signature = createSign("RSA-SHA256").update(unsigned).sign(world.keys.privateKey);
  const response = await fetch(`${base}/app/installations/${INSTALLATION_ID}/access_tokens`, {
    method: "POST",
    headers: { authorization: `bearer ${unsigned}.${signature.toString("base64url")}` },
  });
  const { token } = (await response.json()) as { token: string };
  return new RestClient(base, token);
}

/**
 * The original system's documented flow (seed/dev-portal-auto-deploy.md), replayed request by
 * request against the same double: create the repository, set the PAT secret, push every file
 * in one Git Data API commit, poll the workflow every 10 s through a 3-minute CI run, verify
 * Repository_B, then push each manifest (read, then write).
 * The clock of the waits is simulated: their seconds are added to the wall time, not slept.
 */
export async function runOriginalFlow(params: {
  world: World;
  client: RestClient;
  service: string;
  repositoryA: FileTree;
  manifests: FileTree;
  /** "batch": the seed's documented push (one Git Data API commit). "per-file": its fallback,
   * one Contents API commit per file, which is how issue 9 describes the original. */
  push?: "batch" | "per-file";
  log?: CallLog;
}): Promise<OriginalFigures> {
  const { world, client, service } = params;
  const log = params.log ?? new CallLog(world.double);
  const repo = `/repos/${ORG}/${service}`;
  const began = performance.now();
  // seed §3: create the repository (with a first commit: the batch push starts from it).
  await client.ok("POST", `/orgs/${ORG}/repos`, { name: service, private: true, auto_init: true });
  await sodium.ready;
  const key = (await client.ok("GET", `${repo}/actions/secrets/public-key`)) as {
    key: string;
    key_id: string;
  };
  const sealed = sodium.crypto_box_seal(
    sodium.from_string("ghp_the-users-personal-access-token"),
    sodium.from_base64(key.key, sodium.base64_variants.ORIGINAL),
  );
  await client.ok("PUT", `${repo}/actions/secrets/PAT_TOKEN`, {
    encrypted_value: sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL),
    key_id: key.key_id,
  });
  if (params.push === "per-file") await pushPerFile(client, { repo, files: params.repositoryA });
  else await pushBatch(client, { repo, files: params.repositoryA });
  const pushed = performance.now();
  const provisioning = { ...countCalls(log.since(began, pushed)), wallMs: pushed - began };

  // GitHub Actions runs the last commit's workflow; the portal polls it every 10 s.
  const run = startRun(world.double, { repo: service });
  let simulatedS = 0;
  let polls = 0;
  let green = pushed;
  for (;;) {
    simulatedS += ORIGINAL.pollEveryS;
    if (simulatedS >= ORIGINAL.ciRunS && run.status !== "completed") finish(run, "success");
    polls += 1;
    green = performance.now();
    const runs = (await client.ok(
      "GET",
      `${repo}/actions/workflows/ci-cd.yml/runs?branch=main&per_page=1`,
    )) as { workflow_runs: { status: string; conclusion: string | null }[] };
    if (runs.workflow_runs[0]?.status === "completed") break;
  }
  const gitops = `/repos/${ORG}/gitops`;
  // seed §7 verify_repository_b_updated: Repository_B's latest commit (from the workflow's
  // manifest job) and its deployment.yaml, read for the image tag.
  await client.call("GET", `${gitops}/git/ref/heads/main`);
  await client.call("GET", `${gitops}/contents/apps/${service}/deployment.yaml`);
  for (const [path, content] of Object.entries(params.manifests)) {
    const existing = await client.call("GET", `${gitops}/contents/${path}`);
    const sha = existing.status === 200 ? (existing.json as { sha: string }).sha : undefined;
    await client.ok("PUT", `${gitops}/contents/${path}`, {
      message: `Update ${path}`,
      content: Buffer.from(content).toString("base64"),
      ...(sha ? { sha } : {}),
    });
  }
  const tagged = performance.now();
  // The poll that saw the green run came after the run ended by at most one interval; the
  // simulated wait from the end of CI to that poll is counted, as the user waited for it.
  const detectionS = simulatedS - ORIGINAL.ciRunS;
  return {
    provisioning,
    deployment: {
      ...countCalls(log.since(green, tagged)),
      wallMs: tagged - green + detectionS * 1000,
    },
    answerMs: tagged - began + simulatedS * 1000,
    polls,
  };
}

/** seed §4 "Batch Push (1 commit cho tất cả files)": latest commit SHA, one tree with every
 * file, one commit, the branch moved (github_manager.py:89-175). */
async function pushBatch(client: RestClient, params: { repo: string; files: FileTree }) {
  const { repo } = params;
  const ref = (await client.ok("GET", `${repo}/git/ref/heads/main`)) as { object: { sha: string } };
  const tree = (await client.ok("POST", `${repo}/git/trees`, {
    tree: Object.entries(params.files).map(([path, content]) => ({
      path,
      mode: "100644",
      type: "blob",
      content,
    })),
  })) as { sha: string };
  const commit = (await client.ok("POST", `${repo}/git/commits`, {
    message: "Initial commit from Dev Portal",
    tree: tree.sha,
    parents: [ref.object.sha],
  })) as { sha: string };
  await client.ok("PATCH", `${repo}/git/refs/heads/main`, { sha: commit.sha });
}

/** The seed's fallback ("Individual push"), as issue 9 describes the original: one Contents
 * API commit per file. A file the repository already has (the README of `auto_init`) is
 * answered 422 without its blob SHA: read for it, then written again. */
async function pushPerFile(client: RestClient, params: { repo: string; files: FileTree }) {
  for (const [path, content] of Object.entries(params.files)) {
    const body = { message: `Add ${path}`, content: Buffer.from(content).toString("base64") };
    const created = await client.call("PUT", `${params.repo}/contents/${path}`, body);
    if (created.status < 300) continue;
    if (created.status !== 422) throw new Error(`PUT ${path} answered ${created.status}`);
    const existing = (await client.ok("GET", `${params.repo}/contents/${path}`)) as { sha: string };
    await client.ok("PUT", `${params.repo}/contents/${path}`, { ...body, sha: existing.sha });
  }
}
