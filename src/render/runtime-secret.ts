import type { ServiceRequest } from "../request/service-request.js";
import type { PortalSettings } from "../request/settings.schema.js";

/** The key every service needs; the app generates it in sealed-secrets mode. */
export const SECRET_KEY_NAME = "DJANGO_SECRET_KEY";

/**
 * Where a service's runtime configuration comes from, as data: the Deployment reads it,
 * the plan, the status comment and both READMEs say it. `handStep` is set whenever a
 * person must create something in the cluster before the pods can start, with the exact
 * command: the one thing no mode may leave unsaid.
 */
export interface RuntimeSecret {
  mode: PortalSettings["runtime_secret"]["mode"];
  /** `<service>-env`: DJANGO_SECRET_KEY (and DATABASE_URL unless sealed). */
  name: string;
  /** Secrets the containers read with envFrom, in order. */
  envSecrets: string[];
  /** Keys `name` must hold. */
  keys: string[];
  /** external-secrets: the store and the key read from it. */
  store?: { name: string; kind: string; key: string };
  /** What a person must run in the cluster first; absent when nothing is left to do. */
  handStep?: { secret: string; keys: string[]; command: string };
}

export function runtimeSecretOf(params: {
  request: ServiceRequest;
  settings: PortalSettings;
  namespace: string;
}): RuntimeSecret {
  const { request, settings, namespace } = params;
  const runtime = settings.runtime_secret;
  const postgres = request.deploy.database === "postgres";
  const name = `${request.service}-env`;
  if (runtime.mode === "external-secrets" && runtime.store) {
    return {
      mode: runtime.mode,
      name,
      envSecrets: [name],
      keys: [SECRET_KEY_NAME, ...(postgres ? ["DATABASE_URL"] : [])],
      store: {
        name: runtime.store.name,
        kind: runtime.store.kind,
        key: `${runtime.key_prefix}${request.service}`,
      },
    };
  }
  if (runtime.mode === "sealed-secrets") {
    // The app knows no database password: a postgres service's DATABASE_URL comes from a
    // second Secret that whoever owns the database creates.
    const database = `${request.service}-database`;
    return {
      mode: runtime.mode,
      name,
      envSecrets: postgres ? [name, database] : [name],
      keys: [SECRET_KEY_NAME],
      ...(postgres
        ? {
            handStep: {
              secret: database,
              keys: ["DATABASE_URL"],
              command: createSecretCommand({ namespace, secret: database, postgres, key: false }),
            },
          }
        : {}),
    };
  }
  return {
    mode: "manual",
    name,
    envSecrets: [name],
    keys: [SECRET_KEY_NAME, ...(postgres ? ["DATABASE_URL"] : [])],
    handStep: {
      secret: name,
      keys: [SECRET_KEY_NAME, ...(postgres ? ["DATABASE_URL"] : [])],
      command: createSecretCommand({ namespace, secret: name, postgres, key: true }),
    },
  };
}

/** The exact kubectl commands: the namespace first (the Secret must exist before Argo CD's
 * first sync creates the pods), then the Secret with a fresh random key. */
function createSecretCommand(params: {
  namespace: string;
  secret: string;
  postgres: boolean;
  key: boolean;
}): string {
  const { namespace, secret } = params;
  const literals = [
    ...(params.key
      ? [
          `--from-literal=${SECRET_KEY_NAME}="$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')"`,
        ]
      : []),
    ...(params.postgres
      ? ["--from-literal=DATABASE_URL='postgres://USER:PASSWORD@HOST:5432/DBNAME'"]
      : []),
  ];
  return [
    `kubectl create namespace ${namespace} --dry-run=client -o yaml | kubectl apply -f -`,
    `kubectl -n ${namespace} create secret generic ${secret} \\\n  ${literals.join(" \\\n  ")}`,
  ].join("\n");
}
