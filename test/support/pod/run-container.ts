import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import type { ImageConfig } from "./image-config.js";
import type { ContainerSpec, PodSpec } from "./pod-spec.js";

/** Where the image's interpreters live in the stand-in root: python:3.12-slim has them in
 * /usr/local/bin; here Debian's python3 and gunicorn stand in for them. */
const IMAGE_BIN = "/opt/image-bin";

export interface PodContext {
  name: string;
  /** Repository_A as built into the image (read-only at the image's WORKDIR). */
  imageRoot: string;
  image: ImageConfig;
  pod: PodSpec;
  /** Host directories backing PersistentVolumeClaims, by claim name. */
  claims: Record<string, string>;
  /** Secret name -> keys, as the cluster holds them. */
  secrets: Record<string, Record<string, string>>;
  /** The pod's network namespace. */
  netns: string;
}

export interface RunningContainer {
  child: ChildProcess;
  output(): string;
  /** SIGTERM to the container's process (not to bwrap), then wait for it to exit. */
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * Start one container of the pod as the kubelet would: the image's config overlaid by the
 * container's command, envFrom (Secrets, failing on a missing required one) then env; the
 * user from the pod's securityContext; a read-only root when the container asks; an
 * emptyDir as a tmpfs and a PVC as a bind of its host directory; inside the pod's network
 * namespace. bubblewrap builds that file system from the node's /usr and the image tree.
 */
export function runContainer(
  context: PodContext,
  container: ContainerSpec,
  argv?: string[],
): RunningContainer {
  const { image, pod } = context;
  const uid =
    container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser ?? image.user.uid;
  const gid =
    container.securityContext?.runAsGroup ?? pod.securityContext?.runAsGroup ?? image.user.gid;
  if (pod.securityContext?.runAsNonRoot && uid === 0) throw new Error("runAsNonRoot with uid 0");
  const env: Record<string, string> = {
    PATH: `${IMAGE_BIN}:/usr/bin:/bin`,
    HOSTNAME: context.name,
    HOME: image.workdir,
    ...image.env,
  };
  for (const source of container.envFrom ?? []) {
    const secret = context.secrets[source.secretRef.name];
    if (!secret) {
      if (source.secretRef.optional) continue;
      throw new Error(`CreateContainerConfigError: secret "${source.secretRef.name}" not found`);
    }
    Object.assign(env, secret);
  }
  for (const variable of container.env ?? []) env[variable.name] = variable.value;
  const command = argv ?? [...(container.command ?? image.cmd), ...(container.args ?? [])];

  const mounts: string[] = [];
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.volumes.find((v) => v.name === mount.name);
    if (!volume) throw new Error(`volume ${mount.name} is not declared`);
    if (volume.emptyDir) {
      mounts.push("--tmpfs", mount.mountPath);
    } else if (volume.persistentVolumeClaim) {
      const dir = context.claims[volume.persistentVolumeClaim.claimName];
      if (!dir)
        throw new Error(`no volume bound to claim ${volume.persistentVolumeClaim.claimName}`);
      mounts.push(mount.readOnly ? "--ro-bind" : "--bind", dir, mount.mountPath);
    } else {
      throw new Error(`volume ${mount.name}: only emptyDir and persistentVolumeClaim are expected`);
    }
  }
  const readOnlyRoot = container.securityContext?.readOnlyRootFilesystem === true;
  const args = [
    "netns",
    "exec",
    context.netns,
    "bwrap",
    "--unshare-user",
    "--uid",
    String(uid),
    "--gid",
    String(gid),
    "--unshare-ipc",
    "--unshare-uts",
    "--hostname",
    context.name,
    "--die-with-parent",
    "--new-session",
    "--ro-bind",
    "/usr",
    "/usr",
    "--symlink",
    "usr/bin",
    "/bin",
    "--symlink",
    "usr/lib",
    "/lib",
    "--symlink",
    "usr/lib64",
    "/lib64",
    "--symlink",
    "usr/sbin",
    "/sbin",
    "--ro-bind",
    "/etc",
    "/etc",
    "--dir",
    IMAGE_BIN,
    "--symlink",
    "/usr/bin/python3",
    `${IMAGE_BIN}/python`,
    "--symlink",
    "/usr/bin/gunicorn",
    `${IMAGE_BIN}/gunicorn`,
    readOnlyRoot ? "--ro-bind" : "--bind",
    context.imageRoot,
    image.workdir,
    ...mounts,
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--chdir",
    image.workdir,
    "--clearenv",
    ...Object.entries(env).flatMap(([name, value]) => ["--setenv", name, value]),
    ...(readOnlyRoot ? ["--remount-ro", "/"] : []),
    "--info-fd",
    "3",
    "--",
    ...command,
  ];
  const child = spawn("ip", args, { stdio: ["ignore", "pipe", "pipe", "pipe"] });
  let output = "";
  let info = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  (child.stdio[3] as NodeJS.ReadableStream | null)?.on("data", (chunk) => (info += chunk));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const innerPid = Number(/"child-pid":\s*(\d+)/.exec(info)?.[1]);
    // The kubelet's SIGTERM goes to the container's process: gunicorn drains and exits.
    if (innerPid) process.kill(innerPid, "SIGTERM");
    else child.kill("SIGKILL");
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, output: () => output, stop, exited };
}

/** Run a container to completion (an init container, a `kubectl exec`); its exit code and output. */
export async function runToCompletion(
  context: PodContext,
  container: ContainerSpec,
  argv?: string[],
): Promise<{ code: number | null; output: string }> {
  const running = runContainer(context, container, argv);
  const timer = setTimeout(() => running.child.kill("SIGKILL"), 120_000);
  const code = await running.exited;
  clearTimeout(timer);
  return { code, output: running.output() };
}
