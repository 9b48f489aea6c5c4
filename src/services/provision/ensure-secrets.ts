import { type Octokit, type RepoParams, retryWhileNew } from "../../github/octokit.js";
import { listSecretNames, setSecrets } from "../../github/secrets.js";

/**
 * Step 2: the Actions secrets, set BEFORE the commit that adds the workflow, so the first CI
 * run already has them. Only missing secrets are written: a retry rewrites nothing, and a
 * value the platform team rotated by hand in the repository is left alone.
 */
export async function ensureSecrets(
  octokit: Octokit,
  params: RepoParams & { values: Record<string, string>; sleep?: (ms: number) => Promise<void> },
): Promise<{ set: string[]; present: string[] }> {
  const names = Object.keys(params.values).sort();
  if (names.length === 0) return { set: [], present: [] };
  const { owner, repo } = params;
  const existing = await retryWhileNew(() => listSecretNames(octokit, { owner, repo }), {
    ...(params.sleep ? { sleep: params.sleep } : {}),
  });
  const missing = names.filter((name) => !existing.has(name));
  if (missing.length > 0) {
    const secrets = Object.fromEntries(missing.map((name) => [name, params.values[name] ?? ""]));
    await setSecrets(octokit, { owner, repo, secrets });
  }
  return { set: missing, present: names.filter((name) => existing.has(name)) };
}
