export interface DocCommand {
  document: string;
  line: string;
}

/** Every shell command in the fenced sh/bash/console blocks of a Markdown document:
 * continuation lines joined, comments dropped, `a && b` split, `VAR=x` prefixes removed. */
export function commandsOf(document: string, text: string): DocCommand[] {
  const blocks = [...text.matchAll(/^```(?:sh|bash|shell|console)\n([\s\S]*?)^```$/gm)];
  return blocks.flatMap((block) =>
    (block[1] ?? "")
      .replace(/\\\n\s*/g, " ")
      .split("\n")
      .map((line) =>
        line
          .replace(/\s+#.*$/, "")
          .replace(/\s+/g, " ")
          .trim(),
      )
      .filter((line) => line !== "" && !line.startsWith("#"))
      .flatMap((line) => line.split(" && "))
      .map((line) => ({ document, line: line.trim().replace(/^([A-Z_]+=\S+\s+)+/, "") })),
  );
}

/** Split a command line into words, honouring simple quotes. */
export function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}
