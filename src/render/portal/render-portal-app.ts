import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { DNS_1123_SUBDOMAIN, GITHUB_LOGIN, HOST_NAME } from "../../request/rules/name-patterns.js";
import type { Result, ValidationError } from "../../request/service-request.js";
import type { PortalSettings } from "../../request/settings.schema.js";
import type { FileTree } from "../file-tree.js";
import { loadTemplateSet } from "../load-template-set.js";

/** `deploy/` at the package root, from both `src/render/portal` and `lib/render/portal`. */
export const DEPLOY_ROOT = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "deploy",
);

/** The image deploy/base names; the overlay replaces it with the organisation's. */
export const BASE_IMAGE = "ghcr.io/example-org/devportal";

/** The directory of the portal in the GitOps repository: the ApplicationSet turns it into
 * the Argo CD Application `devportal`, synced into the namespace `devportal`. */
export const PORTAL_APP_PATH = "apps/devportal";

/** The OCI distribution spec's tag grammar (as for the services' tags). */
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export interface PortalApp {
  files: FileTree;
  image: string;
  tag: string;
  host: string;
}

/**
 * The portal deploying itself through the GitOps repository it manages: `apps/devportal/`
 * holds deploy/base unchanged under `base/` and an overlay that names the organisation's
 * image, tag, host and ingress class. Pure: the same input gives the same files.
 */
export function renderPortalApp(params: {
  settings: PortalSettings;
  owner: string;
  tag: string;
  host?: string;
}): Result<PortalApp> {
  const { settings } = params;
  const errors: ValidationError[] = [];
  const expect = (ok: boolean, path: string, message: string) => {
    if (!ok) errors.push({ path, message });
  };
  expect(
    GITHUB_LOGIN.test(params.owner),
    "owner",
    `"${params.owner}" is not a GitHub organisation login`,
  );
  expect(
    IMAGE_TAG.test(params.tag),
    "tag",
    `"${params.tag}" is not an image tag: letters, digits, _, . and -, at most 128`,
  );
  const host = params.host ?? (settings.domain ? `devportal.${settings.domain}` : undefined);
  if (host === undefined)
    errors.push({
      path: "host",
      message:
        "required: the settings set no domain to derive devportal.<domain> from; pass --host",
    });
  else
    expect(
      HOST_NAME.test(host),
      "host",
      `"${host}" is not a host name (e.g. devportal.apps.acme.dev)`,
    );
  if (settings.image_pull_secret !== undefined)
    expect(
      DNS_1123_SUBDOMAIN.test(settings.image_pull_secret),
      "image_pull_secret",
      "not a Secret name",
    );
  if (errors.length > 0 || host === undefined) return { ok: false, errors };
  // GHCR refuses uppercase image names, while GitHub logins may have capitals.
  const image = `${settings.registry}/${params.owner}/devportal`.toLowerCase();
  const files: FileTree = {};
  for (const file of loadTemplateSet("base", DEPLOY_ROOT))
    files[`${PORTAL_APP_PATH}/base/${file.path}`] = file.template;
  files[`${PORTAL_APP_PATH}/kustomization.yaml`] = overlay({
    settings,
    image,
    tag: params.tag,
    host,
  });
  files[`${PORTAL_APP_PATH}/README.md`] = readme(image, host);
  return { ok: true, value: { files, image, tag: params.tag, host } };
}

function overlay(params: {
  settings: PortalSettings;
  image: string;
  tag: string;
  host: string;
}): string {
  const { settings, host } = params;
  const ingress = [
    { op: "replace", path: "/spec/rules/0/host", value: host },
    { op: "replace", path: "/spec/tls/0/hosts/0", value: host },
    { op: "replace", path: "/spec/ingressClassName", value: settings.ingress_class },
  ];
  const patches: { target: Record<string, string>; patch: string }[] = [
    { target: { kind: "Ingress", name: "devportal" }, patch: stringify(ingress) },
  ];
  if (settings.image_pull_secret) {
    const pullSecret = [
      {
        op: "add",
        path: "/spec/template/spec/imagePullSecrets",
        value: [{ name: settings.image_pull_secret }],
      },
    ];
    patches.push({
      target: { kind: "Deployment", name: "devportal" },
      patch: stringify(pullSecret),
    });
  }
  const kustomization = {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    namespace: "devportal",
    resources: ["base"],
    images: [{ name: BASE_IMAGE, newName: params.image, newTag: params.tag }],
    patches,
  };
  const header =
    "# Written by `devportal portal-app`: the Dev Portal itself, deployed by the ApplicationSet\n" +
    "# like every service. Upgrade by changing newTag; base/ is deploy/base of the release.\n";
  return `${header}${stringify(kustomization)}`;
}

function readme(image: string, host: string): string {
  return `# devportal

The Dev Portal GitHub App, deployed by Argo CD from this directory (Application \`devportal\`,
namespace \`devportal\`). Image \`${image}\`; GitHub delivers webhooks to
\`https://${host}/api/github/webhooks\`.

Before the first sync, create the Secret \`devportal-env\` in the namespace \`devportal\` with
\`APP_ID\`, \`PRIVATE_KEY\`, \`WEBHOOK_SECRET\` and every \`DEVPORTAL_SECRET_*\` the settings name
(see docs/platform-guide.md of the portal). Pods do not start without it.
`;
}
