import { HttpError, type Route, repoOf } from "./routes.js";

const API = "https://api.github.com";

function deploymentJson(
  owner: string,
  repo: string,
  deployment: {
    id: number;
    sha: string;
    ref: string;
    environment: string;
    description: string;
    creator: unknown;
    created_at: string;
  },
) {
  return {
    url: `${API}/repos/${owner}/${repo}/deployments/${deployment.id}`,
    id: deployment.id,
    node_id: "DE_x",
    sha: deployment.sha,
    ref: deployment.ref,
    task: "deploy",
    payload: {},
    environment: deployment.environment,
    description: deployment.description,
    creator: deployment.creator,
    created_at: deployment.created_at,
    updated_at: deployment.created_at,
    statuses_url: `${API}/repos/${owner}/${repo}/deployments/${deployment.id}/statuses`,
    repository_url: `${API}/repos/${owner}/${repo}`,
  };
}

/** Deployments, collaborators and team access, and labels. */
export const PEOPLE_ROUTES: Record<string, Route> = {
  "repos/list-deployments": (request) => {
    const repo = repoOf(request);
    const sha = request.query.get("sha");
    const environment = request.query.get("environment");
    const found = repo.deployments
      .filter((d) => (!sha || d.sha === sha) && (!environment || d.environment === environment))
      .reverse();
    const perPage = Number(request.query.get("per_page") ?? 30);
    return {
      status: 200,
      body: found.slice(0, perPage).map((d) => deploymentJson(repo.owner, repo.name, d)),
    };
  },
  "repos/create-deployment": (request) => {
    const repo = repoOf(request);
    const { ref, environment = "production", description = "" } = request.body;
    if (!repo.git.commits.has(ref)) throw new HttpError(422, `No ref found for: ${ref}`);
    const deployment = {
      id: request.state.id(),
      sha: ref,
      ref,
      environment,
      description,
      creator: request.state.appUser,
      created_at: request.state.now().toISOString(),
      statuses: [],
    };
    repo.deployments.push(deployment);
    return { status: 201, body: deploymentJson(repo.owner, repo.name, deployment) };
  },
  "repos/list-deployment-statuses": (request) => {
    const repo = repoOf(request);
    const deployment = repo.deployments.find((d) => d.id === Number(request.params.deployment_id));
    if (!deployment) throw new HttpError(404, "Not Found");
    return { status: 200, body: [...deployment.statuses].reverse() };
  },
  "repos/add-collaborator": (request) => {
    const repo = repoOf(request);
    const username = request.params.username ?? "";
    const permission = request.body?.permission ?? "push";
    if (!request.state.accounts.has(username)) throw new HttpError(404, "Not Found");
    if (request.state.members.has(username) || repo.collaborators.has(username)) {
      repo.collaborators.set(username, roleName(permission));
      return { status: 204 };
    }
    const key = `${repo.owner}/${repo.name}`;
    const invited = request.state.invitations.get(key) ?? new Map();
    invited.set(username, permission);
    request.state.invitations.set(key, invited);
    return { status: 201, body: { id: request.state.id(), permissions: permission } };
  },
  "teams/add-or-update-repo-permissions-in-org": (request) => {
    const repo = repoOf(request);
    if (!request.state.teams.has(`${request.params.org}/${request.params.team_slug}`)) {
      throw new HttpError(404, "Not Found");
    }
    repo.teams.set(request.params.team_slug ?? "", request.body?.permission ?? "push");
    return { status: 204 };
  },
  "issues/get-label": (request) => {
    const repo = repoOf(request);
    const name = request.params.name ?? "";
    const label = repo.labels.get(name);
    if (!label) throw new HttpError(404, "Not Found");
    return { status: 200, body: { id: 1, node_id: "L", url: API, name, default: false, ...label } };
  },
  "issues/create-label": (request) => {
    const repo = repoOf(request);
    const { name, color = "ededed", description = "" } = request.body;
    if (repo.labels.has(name)) throw new HttpError(422, "Validation Failed");
    repo.labels.set(name, { color, description });
    return {
      status: 201,
      body: { id: 1, node_id: "L", url: API, name, color, description, default: false },
    };
  },
};

function roleName(permission: string): string {
  return permission === "pull" ? "read" : permission === "push" ? "write" : permission;
}
