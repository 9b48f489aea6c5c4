import { didYouMean } from "../../request/rules/did-you-mean.js";

/** Who may run a command: the requester, people with write access to the request
 * repository, the platform team. `help` answers anyone who may comment. */
export type Audience = "anyone" | "requester, writers, platform team";

/** Every command, what it does and who may run it: `/devportal help` prints this table. */
export const COMMANDS = {
  plan: {
    does: "shows what the request would create; writes nothing else",
    who: "requester, writers, platform team",
  },
  retry: {
    does: "runs the request again from where it stopped, re-runs a failed build or finishes a blocked deployment",
    who: "requester, writers, platform team",
  },
  help: { does: "lists the commands and who may run each", who: "anyone" },
} as const satisfies Record<string, { does: string; who: Audience }>;

export type Command = keyof typeof COMMANDS;

export type ParsedCommand =
  | { kind: "command"; name: Command }
  | { kind: "unknown"; word: string; suggestion?: Command };

const PREFIX = "/devportal";

/**
 * The command a comment carries: `/devportal <word>` at the start of a line of its prose.
 * Text that only shows a command is not one: fenced and indented code blocks, inline code,
 * quotes (a reply quoting someone's `/devportal retry`) and HTML comments are removed first.
 * A bare `/devportal` asks for help. Undefined when the comment carries no command.
 */
export function parseCommand(body: string | null | undefined): ParsedCommand | undefined {
  for (const line of prose(body ?? "")) {
    const match = /^ {0,3}\/devportal(?:$|\s+(\S*))/i.exec(line);
    if (!match) continue;
    const word = (match[1] ?? "").toLowerCase();
    if (word === "") return { kind: "command", name: "help" };
    if (Object.hasOwn(COMMANDS, word)) return { kind: "command", name: word as Command };
    const suggestion = didYouMean(word, Object.keys(COMMANDS)) as Command | undefined;
    return { kind: "unknown", word: word.slice(0, 40), ...(suggestion ? { suggestion } : {}) };
  }
  return undefined;
}

/** The lines of a comment that Markdown renders as prose. */
function prose(body: string): string[] {
  const lines = body.replace(/<!--[\s\S]*?(?:-->|$)/g, "").split(/\r\n?|\n/);
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      continue;
    }
    if (opener) {
      fence = opener;
      continue;
    }
    if (/^(?: {4}|\t)/.test(line) || /^ {0,3}>/.test(line)) continue;
    kept.push(line.replace(/(`+)[\s\S]*?\1/g, ""));
  }
  return kept;
}

/** `/devportal help`'s answer. */
export function helpText(): string {
  const rows = Object.entries(COMMANDS).map(
    ([name, { does, who }]) => `| \`${PREFIX} ${name}\` | ${does} | ${who} |`,
  );
  return [
    "**Dev Portal commands** (at the start of a line of a comment on a request issue):",
    "",
    "| Command | What it does | Who may run it |",
    "|---|---|---|",
    ...rows,
    "",
    "Writers are people with write access to this repository; the platform team is the team the portal settings name.",
  ].join("\n");
}
