import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TEMPLATES_ROOT } from "../render/load-template-set.js";

/** Where the "New service" form ships; request repositories copy it unchanged. */
export const ISSUE_FORM_PATH = join(
  TEMPLATES_ROOT,
  "request-repository",
  ".github",
  "ISSUE_TEMPLATE",
  "new-service.yml",
);

/** The form the app parses issue bodies against (read once at start-up). */
export function readIssueForm(): string {
  return readFileSync(ISSUE_FORM_PATH, "utf8");
}
