import { execFileSync } from "node:child_process";

export interface PodNetwork {
  /** The network namespace the pod's containers run in (`ip netns exec <name>`). */
  namespace: string;
  /** The pod's own address: what the kubelet sends as Host in its probes. */
  podIp: string;
  /** The node's end of the link: where the pod reaches PostgreSQL. */
  hostIp: string;
  destroy(): void;
}

let created = 0;

/**
 * A network namespace per pod, joined to the node by a veth pair, as a CNI plugin gives
 * every pod its own IP: replicas listen on the same port without colliding, and probes
 * reach them at their pod IP. Names and the /30 subnet derive from the process id, so
 * parallel test files never share one. Needs root (CI runs as root; iproute2 is in .ci/run).
 */
export function createPodNetwork(): PodNetwork {
  const index = created++;
  const tag = `${process.pid % 100000}x${index}`;
  const namespace = `dp${tag}`;
  const hostLink = `dph${tag}`;
  const podLink = `dpp${tag}`;
  const ip = (...args: string[]) => execFileSync("ip", args, { stdio: "pipe" });
  // 10.200.0.0/16, one /30 per pod, starting from a block derived from (pid, index) and
  // skipping blocks another process already uses on this machine.
  const used = ip("-o", "-4", "addr", "show").toString();
  let block = ((process.pid % 256) * 64 + (index % 64)) * 4;
  const address = (offset: number) =>
    `10.200.${Math.floor((block + offset) / 256) % 256}.${(block + offset) % 256}`;
  while (used.includes(` ${address(1)}/`)) block = (block + 4) % 65536;
  const hostIp = address(1);
  const podIp = address(2);
  const destroy = () => {
    for (const args of [
      ["netns", "del", namespace],
      ["link", "del", hostLink],
    ]) {
      try {
        ip(...args);
      } catch {
        // Already gone (deleting the namespace removes the pair).
      }
    }
  };
  try {
    ip("netns", "add", namespace);
    ip("link", "add", hostLink, "type", "veth", "peer", "name", podLink);
    ip("link", "set", podLink, "netns", namespace);
    ip("addr", "add", `${hostIp}/30`, "dev", hostLink);
    ip("link", "set", hostLink, "up");
    ip("netns", "exec", namespace, "ip", "addr", "add", `${podIp}/30`, "dev", podLink);
    ip("netns", "exec", namespace, "ip", "link", "set", podLink, "up");
    ip("netns", "exec", namespace, "ip", "link", "set", "lo", "up");
    // Everything off the link goes through the node, as a CNI's default route does: the
    // pod reaches any node address (the database's, another link's) this way.
    ip("netns", "exec", namespace, "ip", "route", "add", "default", "via", hostIp);
  } catch (error) {
    destroy();
    const failed = error as { stderr?: Buffer; message: string };
    throw new Error(
      `cannot create a pod network (needs root and iproute2): ${failed.stderr?.toString() ?? failed.message}`,
    );
  }
  return { namespace, podIp, hostIp, destroy };
}
