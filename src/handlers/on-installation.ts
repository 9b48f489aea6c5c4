import type { Context } from "probot";
import { ensureRequestLabels } from "../services/intake/ensure-request-labels.js";
import type { ResolvedDeps } from "../services/portal-deps.js";

/** installation.created / installation_repositories.added: the request repositories among
 * the repositories given to the app get the app's labels at once. */
export function onInstallation(deps: ResolvedDeps) {
  return async (
    context: Context<"installation.created" | "installation_repositories.added">,
  ): Promise<void> => {
    const { payload } = context;
    const repositories =
      "repositories_added" in payload ? payload.repositories_added : (payload.repositories ?? []);
    for (const repository of repositories.slice(0, 100)) {
      const [owner = "", repo = ""] = repository.full_name.split("/");
      const created = await ensureRequestLabels(context.octokit, {
        owner,
        repo,
        onlyRequestRepositories: deps.env,
      });
      if (created.length > 0) {
        context.log.info(
          { repo: repository.full_name, created, delivery: context.id },
          "labels created",
        );
      }
    }
  };
}
