import { INSTALLATION_ID } from "./payloads.js";
import { HttpError, type Route, type RouteRequest } from "./routes.js";

const API = "https://api.github.com";

/** The app's own endpoints take the app's JWT, never an installation token. */
function requireAppJwt(request: RouteRequest): void {
  const authorization = request.headers.authorization ?? "";
  if (!/^bearer /i.test(authorization) || authorization.includes("ghs_")) {
    throw new HttpError(401, "A JSON web token could not be decoded");
  }
}

/** The routes of the app itself: its installations, and its webhook deliveries. */
export const APP_ROUTES: Record<string, Route> = {
  "apps/list-installations": (request) => {
    requireAppJwt(request);
    const orgs = [...request.state.accounts].filter(([, type]) => type === "Organization");
    return {
      status: 200,
      body: orgs.map(([login], index) => ({
        id: INSTALLATION_ID + index,
        account: { login, id: 1000 + index, type: "Organization" },
        repository_selection: "all",
        access_tokens_url: `${API}/app/installations/${INSTALLATION_ID + index}/access_tokens`,
        repositories_url: `${API}/installation/repositories`,
        html_url: `https://github.com/organizations/${login}/settings/installations/${INSTALLATION_ID + index}`,
        app_id: 1,
        target_id: 1000 + index,
        target_type: "Organization",
        permissions: {},
        events: [],
        created_at: "2026-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
        single_file_name: null,
        app_slug: "devportal",
      })),
    };
  },
  "apps/list-repos-accessible-to-installation": ({ state }) => {
    const repositories = [...state.repos.values()].map((repo, index) => ({
      id: index + 1,
      name: repo.name,
      full_name: `${repo.owner}/${repo.name}`,
      owner: { login: repo.owner },
      private: repo.visibility !== "public",
      archived: false,
      default_branch: repo.defaultBranch,
      open_issues_count: [...repo.issues.values()].filter((issue) => issue.state === "open").length,
    }));
    return { status: 200, body: { total_count: repositories.length, repositories } };
  },
  "apps/list-webhook-deliveries": (request) => {
    requireAppJwt(request);
    return { status: 200, body: request.state.hookDeliveries };
  },
  "apps/redeliver-webhook-delivery": (request) => {
    requireAppJwt(request);
    const id = Number(request.params.delivery_id);
    const original = request.state.hookDeliveries.find((delivery) => delivery.id === id);
    if (!original) throw new HttpError(404, "Not Found");
    request.state.hookDeliveries.unshift({
      ...original,
      id: Math.max(...request.state.hookDeliveries.map((delivery) => delivery.id)) + 1,
      redelivery: true,
      status_code: 200,
      delivered_at: new Date().toISOString(),
    });
    return { status: 202, body: {} };
  },
};
