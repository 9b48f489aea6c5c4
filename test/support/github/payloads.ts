import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, unknown>[];
}[];

// biome-ignore lint/suspicious/noExplicitAny: recorded payloads are edited freely as JSON
export type Payload = any;

export const INSTALLATION_ID = 4242;

/**
 * A recorded GitHub payload (@octokit/webhooks-examples) for the event and action, moved to
 * the test's repository and sender, with the `installation` the recordings lack.
 */
export function recordedPayload(
  name: string,
  action: string | undefined,
  edit: (payload: Payload) => void,
): Payload {
  const event = examples.find((entry) => entry.name === name);
  const example = event?.examples.find((candidate) => candidate.action === action);
  if (!example) throw new Error(`no recorded ${name}.${action} payload`);
  const payload = structuredClone(example) as Payload;
  payload.installation = {
    id: INSTALLATION_ID,
    node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==",
  };
  edit(payload);
  return payload;
}

/** Point a payload's repository at owner/name with the given default branch. */
export function moveTo(
  payload: Payload,
  params: { owner: string; repo: string; sender: string; senderType?: string },
): void {
  payload.repository.name = params.repo;
  payload.repository.full_name = `${params.owner}/${params.repo}`;
  payload.repository.owner.login = params.owner;
  payload.repository.default_branch = "main";
  payload.sender.login = params.sender;
  payload.sender.type = params.senderType ?? "User";
}
