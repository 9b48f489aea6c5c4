/**
 * Free text as inert Markdown: it renders as the same words on GitHub and can never become
 * a heading, link, image, HTML tag, table, mention or code block.
 *
 * CommonMark lets a backslash escape any ASCII punctuation character, so every one of them
 * is escaped; that alone defuses emphasis, links, raw HTML (`\<`), entities (`\&`), lists
 * and headings at a line start. Leading spaces are dropped per line (four of them would open
 * a code block) and control characters are removed.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map(inertLine)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The same on one line (a list item, a table cell): line breaks become spaces. */
export function markdownInline(text: string): string {
  return inertLine(text.replace(/[\r\n]+/g, " "));
}

function inertLine(line: string): string {
  return line
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu, "")
    .trim()
    .replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`);
}

/**
 * A link that names what it points to: `[text](url)`. The text is inert like any free text;
 * the URL is percent-encoded, parentheses and spaces included, so it cannot close the link
 * early or smuggle a title.
 */
export function markdownLink(text: string, url: string): string {
  const href = encodeURI(url).replace(/\(/g, "%28").replace(/\)/g, "%29");
  return `[${markdownInline(text)}](${href})`;
}
