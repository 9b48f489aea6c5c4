/** Where a service lives and deploys, resolved from the request and the portal settings. */
export interface DeployTarget {
  /** Repository_A. */
  repository: RepositoryRef;
  /** Repository_A's default branch: the pushes its workflow builds and deploys. */
  branch: string;
  /** Repository_B, the GitOps repository. */
  gitops: RepositoryRef;
  /** Repository_B's default branch: where Argo CD Image Updater writes tags back. */
  gitopsBranch: string;
  /** `apps/<service>`: the only directory of Repository_B this service's writes touch. */
  gitopsPath: string;
  /** `apps/<service>`: also the production kustomization Argo CD deploys (base/ holds what
   * every environment shares; later environments go to overlays/<name>/). */
  productionPath: string;
  /** `apps/<service>/kustomization.yaml`: the file whose `images:` entry a tag bump edits. */
  tagFile: string;
  /** Image name without tag, lowercase as registries require: `ghcr.io/acme/orders-api`. */
  image: string;
  /** Image tag Repository_B deploys (the full commit SHA after the first green build). */
  tag: string;
  host: string;
  /** `https://<host>/` when the portal's settings turn TLS on, else `http://<host>/`. */
  url: string;
  namespace: string;
}

export interface RepositoryRef {
  owner: string;
  name: string;
  fullName: string;
}
