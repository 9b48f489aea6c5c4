export type Command = "plan" | "retry";

/** `/devportal plan` or `/devportal retry` at the start of a line of a comment. */
export function parseCommand(body: string | null | undefined): Command | undefined {
  const match = /^\/devportal\s+(plan|retry)\b/m.exec(body ?? "");
  return match?.[1] as Command | undefined;
}
