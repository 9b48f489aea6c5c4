import { loadTemplateSet } from "../load-template-set.js";
import { renderTemplate } from "../render-template.js";

/** The root README of Repository_B, inside templates/gitops. */
export const CATALOG_TEMPLATE = "README.md";

export interface CatalogEntry {
  service: string;
  url: string;
  image: string;
  database: string;
  /** Repository_A, `owner/name`. */
  repository: string;
}

/**
 * Repository_B's README: what runs where, one row per service, sorted by name so that
 * adding a service changes one line. The app rewrites it whenever it adds a directory.
 */
export function renderCatalog(services: readonly CatalogEntry[]): string {
  const template = loadTemplateSet("gitops").find((file) => file.path === CATALOG_TEMPLATE);
  if (!template) throw new Error(`templates/gitops/${CATALOG_TEMPLATE} is missing`);
  const rows = [...services]
    .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0))
    .map((entry) => ({
      service: cell(entry.service),
      url: cell(entry.url),
      image: cell(entry.image),
      database: cell(entry.database),
      repository: cell(entry.repository),
    }));
  return renderTemplate(`gitops/${CATALOG_TEMPLATE}`, template.template, { services: rows });
}

/** A Markdown table cell: a `|` would end it early, a newline would end the table. */
function cell(value: string): string {
  return value.replace(/[\r\n]+/g, " ").replace(/\|/g, "\\|");
}
