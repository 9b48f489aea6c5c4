import { execFile } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "../django/free-port.js";

const run = promisify(execFile);

/** Debian's PostgreSQL 15 server binaries (package postgresql-15). */
export const PG_BIN = "/usr/lib/postgresql/15/bin";
const RUNUSER = "/usr/sbin/runuser";

export interface RunningPostgres {
  port: number;
  /** `postgres://postgres@<host>:<port>/<database>` for DATABASE_URL (host 127.0.0.1). */
  url(database: string, host?: string): string;
  createDatabase(name: string): Promise<void>;
  /** Stop the server and delete its data; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL 15 server: a cluster in a temporary directory, owned by the
 * `postgres` user (initdb refuses to run as root), trusting local connections, listening on
 * a free loopback port with its socket directory inside the temporary directory so it
 * never collides with a system server. Missing binaries fail with what to install.
 */
export async function startPostgres(
  options: {
    /** Also accept connections from pod networks (10.200.0.0/16), as a cluster's database
     * accepts its pods. */
    podNetworks?: boolean;
  } = {},
): Promise<RunningPostgres> {
  for (const tool of ["initdb", "pg_ctl", "postgres"]) {
    if (!existsSync(join(PG_BIN, tool))) {
      throw new Error(`${join(PG_BIN, tool)} is missing: apt-get install postgresql-15`);
    }
  }
  const root = mkdtempSync(join(tmpdir(), "devportal-pg-"));
  const data = join(root, "data");
  const sockets = join(root, "sockets");
  mkdirSync(sockets);
  const { uid, gid } = await postgresUser();
  for (const dir of [root, sockets]) chownSync(dir, uid, gid);
  const port = await freePort();
  const asPostgres = (tool: string, args: string[]) =>
    run(RUNUSER, ["-u", "postgres", "--", join(PG_BIN, tool), ...args], { cwd: root });
  let started = false;
  const stop = async () => {
    try {
      if (started) {
        started = false;
        // A server that will not stop is a failure of the test run, not something to hide.
        await asPostgres("pg_ctl", ["stop", "-D", data, "-m", "fast", "-w"]);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  try {
    await asPostgres("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
    const listen = options.podNetworks ? "'*'" : "127.0.0.1";
    if (options.podNetworks) {
      appendFileSync(join(data, "pg_hba.conf"), "host all all 10.200.0.0/16 trust\n");
    }
    // fsync off: the data is thrown away after the run, and durability costs seconds.
    const settings = `-p ${port} -k ${sockets} -c listen_addresses=${listen} -c fsync=off`;
    started = true;
    await asPostgres("pg_ctl", [
      "start",
      "-D",
      data,
      "-w",
      "-l",
      join(root, "log"),
      "-o",
      settings,
    ]);
  } catch (error) {
    await stop();
    throw new Error(`PostgreSQL did not start: ${(error as Error).message}`);
  }
  return {
    port,
    url: (database, host = "127.0.0.1") => `postgres://postgres@${host}:${port}/${database}`,
    createDatabase: async (name) => {
      await run(join(PG_BIN, "createdb"), [
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
        "-U",
        "postgres",
        name,
      ]);
    },
    stop,
  };
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  try {
    const [uid, gid] = await Promise.all([
      run("id", ["-u", "postgres"]),
      run("id", ["-g", "postgres"]),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error("no postgres user: apt-get install postgresql-15");
  }
}
