import type { Octokit } from "./octokit.js";

/** Where the app is installed (app JWT client): the installation ids and account logins. */
export async function listInstallations(
  appOctokit: Octokit,
): Promise<{ id: number; account: string }[]> {
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, {
    per_page: 100,
  });
  return installations.map((installation) => ({
    id: installation.id,
    account:
      installation.account && "login" in installation.account ? installation.account.login : "",
  }));
}
