import type { CatalogEntry } from "../../render/repository-b/render-catalog.js";

/** A catalog row as renderCatalog writes it:
 * `| [svc](apps/svc/) | url | \`image\` | database | owner/repo |`. */
const ROW = /^\| \[([a-z0-9-]+)\]\(apps\/\1\/\) \| (.*?) \| `(.*?)` \| (.*?) \| (.*?) \|$/;

/**
 * The services Repository_B's README lists. The README is the catalog's only store, so a
 * new service is added by reading the rows back, adding one and rendering the whole table
 * again. Lines that are not rows (hand-written prose) are not entries and are dropped with
 * the rest of the template's text, which the render restores.
 */
export function parseCatalog(readme: string | undefined): CatalogEntry[] {
  if (!readme) return [];
  const entries: CatalogEntry[] = [];
  for (const line of readme.split("\n")) {
    const match = ROW.exec(line.trimEnd());
    if (!match) continue;
    const [, service, url, image, database, repository] = match.map(unescapeCell);
    entries.push({
      service: service as string,
      url: url as string,
      image: image as string,
      database: database as string,
      repository: repository as string,
    });
  }
  return entries;
}

/** The catalog with `entry` added, or replacing the row of the same service. */
export function withCatalogEntry(
  entries: readonly CatalogEntry[],
  entry: CatalogEntry,
): CatalogEntry[] {
  return [...entries.filter((existing) => existing.service !== entry.service), entry];
}

function unescapeCell(value: string | undefined): string {
  return (value ?? "").replace(/\\\|/g, "|");
}
