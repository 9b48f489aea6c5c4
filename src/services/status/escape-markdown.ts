/**
 * Make text from a request (names, validation messages that quote input) inert in a GitHub
 * comment: every ASCII punctuation character is backslash-escaped (CommonMark allows that
 * for all of them), so it cannot open a link, image, HTML tag, table cell or code span.
 * Line breaks become spaces: each note is one line of a list.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`);
}
