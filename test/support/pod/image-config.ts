/** What a Dockerfile's final stage gives the container runtime. */
export interface ImageConfig {
  workdir: string;
  env: Record<string, string>;
  user: { uid: number; gid: number };
  cmd: string[];
  /** The RUN lines of the final stage, joined: the build steps a test must repeat. */
  runs: string[];
}

/**
 * The runtime configuration of the generated Dockerfile's final stage (WORKDIR, ENV, USER,
 * CMD in exec form), read the way docker does for the instructions it uses, so the pod-run
 * test starts exactly what the image would.
 */
export function imageConfig(dockerfile: string): ImageConfig {
  const lines = dockerfile
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const lastFrom = lines.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  const config: ImageConfig = {
    workdir: "/",
    env: {},
    user: { uid: 0, gid: 0 },
    cmd: [],
    runs: [],
  };
  for (const line of lines.slice(lastFrom + 1)) {
    const [instruction = "", ...rest] = line.split(/\s+/);
    const argument = line.slice(instruction.length).trim();
    switch (instruction.toUpperCase()) {
      case "WORKDIR":
        config.workdir = argument;
        break;
      case "ENV":
        for (const pair of rest) {
          const at = pair.indexOf("=");
          if (at <= 0) throw new Error(`ENV without key=value: ${line}`);
          config.env[pair.slice(0, at)] = pair.slice(at + 1);
        }
        break;
      case "USER": {
        const [uid, gid] = argument.split(":").map(Number);
        if (uid === undefined || Number.isNaN(uid)) throw new Error(`USER is not numeric: ${line}`);
        config.user = { uid, gid: gid ?? uid };
        break;
      }
      case "CMD":
        config.cmd = JSON.parse(argument) as string[];
        break;
      case "RUN":
        config.runs.push(argument);
        break;
    }
  }
  if (config.cmd.length === 0) throw new Error("the Dockerfile has no exec-form CMD");
  return config;
}
