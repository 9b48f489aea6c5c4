import { afterEach, beforeEach } from "vitest";
import { GitHubDouble } from "./github-double.js";
import { arrangeOrg } from "./scenario.js";

/**
 * A fresh GitHub double for each test, arranged as the `acme` organisation, that fails the
 * test on any request outside GitHub's REST description and on any fault left untriggered.
 * `use` receives each test's double.
 */
export function useGitHubDouble(use: (double: GitHubDouble) => void): void {
  let current: GitHubDouble | undefined;
  beforeEach(async () => {
    current = await GitHubDouble.start();
    arrangeOrg(current);
    use(current);
  });
  afterEach(() => {
    try {
      current?.assertClean();
    } finally {
      current?.stop();
    }
  });
}
