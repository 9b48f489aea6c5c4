import { createHash } from "node:crypto";

/** The object id git gives a blob with this content, so unchanged files can be skipped
 * without downloading them: sha1("blob <bytes>\0" + content). */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
