import type { Context } from "probot";
import { installationKey } from "../runtime/job-keys.js";
import type { JobType } from "../runtime/job-type.js";
import { ensureRequestLabels } from "../services/intake/ensure-request-labels.js";
import type { ResolvedDeps } from "../services/portal-deps.js";

type InstallationContext = Context<"installation.created" | "installation_repositories.added">;

/** installation.created / installation_repositories.added: the request repositories among
 * the repositories given to the app get the app's labels at once. */
export function onInstallation(deps: ResolvedDeps): JobType {
  return {
    events: ["installation.created", "installation_repositories.added"],
    accept: (context: InstallationContext) =>
      repositoriesOf(context.payload).length > 0
        ? [{ key: installationKey(context.payload.installation.id) }]
        : [],
    work: async (context: InstallationContext) => {
      // GitHub lists every repository of a selected installation; the first 100 are plenty
      // for the few request repositories, and the first report creates missing labels anyway.
      for (const repository of repositoriesOf(context.payload).slice(0, 100)) {
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
      return undefined;
    },
  };
}

function repositoriesOf(payload: InstallationContext["payload"]): { full_name: string }[] {
  return "repositories_added" in payload
    ? payload.repositories_added
    : (payload.repositories ?? []);
}
