import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { PYTHON } from "./python-tools.js";

const run = promisify(execFile);

/** Run `manage.py <args>` in a generated service; a non-zero exit throws with its output,
 * so a failing check or test shows why in the vitest report. */
export async function runManage(params: {
  dir: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}): Promise<string> {
  try {
    const { stdout, stderr } = await run(PYTHON, ["manage.py", ...params.args], {
      cwd: params.dir,
      env: params.env,
      maxBuffer: 16 * 1024 * 1024,
      timeout: 90_000,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `manage.py ${params.args.join(" ")} failed in ${params.dir}:\n${failed.stdout ?? ""}${failed.stderr ?? failed.message}`,
    );
  }
}
