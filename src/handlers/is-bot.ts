/** Events caused by bots (this app included) are never requests: the app must not react to
 * its own writes, and other automation cannot ask for services on anyone's behalf. */
export function isBot(sender: { type?: string; login?: string } | null | undefined): boolean {
  return sender?.type === "Bot" || (sender?.login ?? "").endsWith("[bot]");
}
