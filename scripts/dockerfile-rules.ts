import {
  type Cmd,
  DockerfileParser,
  type Entrypoint,
  type Instruction,
  JSONInstruction,
  PropertyInstruction,
} from "dockerfile-ast";
import { ValidationSeverity, validate } from "dockerfile-utils";

export interface Problem {
  /** 1-based line of the instruction at fault (0 for the whole file). */
  line: number;
  rule: string;
  message: string;
}

interface Stage {
  name: string | null;
  image: string;
  instructions: Instruction[];
}

/** Every check of dockerfile-utils (the validator of VS Code's Docker language server),
 * each raised to an error: a Dockerfile here has no accepted warnings. */
const STRICT = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

/** Names that must never be baked into an image layer. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PRIVATE_KEY|API_KEY/i;

/**
 * Lint the portal's Dockerfile: the generic validator, then the rules this image promises
 * (Node 24 LTS slim, multi-stage, production dependencies only, a numeric non-root user,
 * NODE_ENV and HOST set, exec-form commands, no secrets in layers).
 */
export function lintDockerfile(content: string): Problem[] {
  const problems: Problem[] = validate(content, STRICT).map((diagnostic) => ({
    line: diagnostic.range.start.line + 1,
    rule: "dockerfile-utils",
    message: typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value,
  }));
  const stages = stagesOf(content);
  const final = stages.at(-1);
  const report = (at: Instruction | undefined, rule: string, message: string) =>
    problems.push({ line: at ? at.getRange().start.line + 1 : 0, rule, message });
  if (!final) {
    report(undefined, "multi-stage", "no FROM: the file builds nothing");
    return problems;
  }
  if (stages.length < 2)
    report(
      undefined,
      "multi-stage",
      "build in one stage and run in another: the runtime image must not carry compilers and dev dependencies",
    );
  const stageNames = new Set(stages.map((stage) => stage.name).filter((name) => name !== null));
  for (const stage of stages) {
    const from = stage.instructions[0];
    checkBaseImage(from, stageNames, report);
    for (const instruction of stage.instructions) checkInstruction(instruction, report);
  }
  checkRuntime(final, stages, report);
  return problems.sort((a, b) => a.line - b.line);
}

type Report = (at: Instruction | undefined, rule: string, message: string) => void;

function stagesOf(content: string): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(content).getInstructions()) {
    if (instruction.getKeyword() === "FROM") {
      const from = instruction as unknown as {
        getImageName(): string | null;
        getBuildStage(): string | null;
      };
      stages.push({
        name: from.getBuildStage(),
        image: from.getImageName() ?? "",
        instructions: [],
      });
    }
    stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

function checkBaseImage(
  from: Instruction | undefined,
  stageNames: Set<string>,
  report: Report,
): void {
  const image = from as unknown as
    | {
        getImageName(): string | null;
        getImageTag(): string | null;
        getImageDigest(): string | null;
      }
    | undefined;
  const name = image?.getImageName() ?? "";
  if (stageNames.has(name)) return;
  const tag = image?.getImageTag() ?? null;
  if (!image?.getImageDigest() && (tag === null || tag === "latest"))
    report(
      from,
      "pinned-base-image",
      `${name} has no version: name a tag (e.g. node:24-bookworm-slim) or a digest`,
    );
  if (name === "node" && tag !== null && !/^24(\.\d+){0,2}-([a-z]+-)?slim$/.test(tag))
    report(from, "node-24-slim", `node:${tag} is not Node 24 LTS slim: use node:24-bookworm-slim`);
}

function checkInstruction(instruction: Instruction, report: Report): void {
  const keyword = instruction.getKeyword();
  const text = instruction.getArgumentsContent() ?? "";
  if (keyword === "ADD")
    report(instruction, "no-add", "use COPY: ADD fetches URLs and unpacks archives implicitly");
  if (keyword === "RUN" && /\bnpm\s+(install|i)\b/.test(text))
    report(
      instruction,
      "npm-ci",
      "use npm ci: npm install may resolve versions other than package-lock.json",
    );
  if ((keyword === "ENV" || keyword === "ARG") && instruction instanceof PropertyInstruction) {
    for (const property of instruction.getProperties())
      if (SECRET_NAME.test(property.getName()))
        report(
          instruction,
          "no-secret-in-image",
          `${keyword} ${property.getName()}: secrets come from the environment at run time, never from an image layer`,
        );
  }
  if ((keyword === "CMD" || keyword === "ENTRYPOINT") && instruction instanceof JSONInstruction) {
    const json = (instruction as Cmd | Entrypoint).getJSONStrings();
    if (json.length === 0)
      report(
        instruction,
        "exec-form",
        `${keyword} in shell form: write ["node", ...] so that signals reach the process`,
      );
  }
}

function checkRuntime(final: Stage, stages: Stage[], report: Report): void {
  const at = final.instructions[0];
  const runs = (stage: Stage) =>
    stage.instructions
      .filter((i) => i.getKeyword() === "RUN")
      .map((i) => i.getArgumentsContent() ?? "");
  const installsProductionOnly = (stage: Stage) =>
    runs(stage).some((run) => /\bnpm\s+ci\b/.test(run) && /--omit[= ]dev\b/.test(run));
  for (const run of runs(final))
    if (/\bnpm\s+ci\b/.test(run) && !/--omit[= ]dev\b/.test(run))
      report(
        at,
        "production-dependencies",
        "the runtime stage installs dev dependencies: use npm ci --omit=dev",
      );
  for (const copy of final.instructions.filter((i) => i.getKeyword() === "COPY")) {
    // The whole instruction: flags such as --from are not part of its arguments.
    const text = copy.getTextContent();
    const source = /--from=(\S+)/.exec(text)?.[1];
    const stage = stages.find((candidate) => candidate.name === source);
    if (stage && /node_modules/.test(text) && !installsProductionOnly(stage))
      report(
        copy,
        "production-dependencies",
        `node_modules comes from stage ${source}, which does not run npm ci --omit=dev`,
      );
  }
  if (
    !installsProductionOnly(final) &&
    !final.instructions.some(
      (i) => i.getKeyword() === "COPY" && /node_modules/.test(i.getArgumentsContent() ?? ""),
    )
  )
    report(
      at,
      "production-dependencies",
      "the runtime stage has no node_modules from npm ci --omit=dev",
    );
  const user = final.instructions.filter((i) => i.getKeyword() === "USER").at(-1);
  const value = user?.getArgumentsContent()?.trim() ?? "";
  const uid = /^(\d+)(:\d+)?$/.exec(value)?.[1];
  if (!user)
    report(at, "numeric-non-root-user", "the runtime stage runs as root: add USER 10001:10001");
  else if (uid === undefined)
    report(
      user,
      "numeric-non-root-user",
      `USER ${value} is not numeric: Kubernetes verifies runAsNonRoot only with a numeric uid (USER 10001:10001)`,
    );
  else if (Number(uid) === 0) report(user, "numeric-non-root-user", "USER 0 is root");
  const env = new Map<string, string>();
  for (const instruction of final.instructions)
    if (instruction.getKeyword() === "ENV" && instruction instanceof PropertyInstruction)
      for (const property of instruction.getProperties())
        env.set(property.getName(), property.getValue() ?? "");
  for (const [name, expected] of [
    ["NODE_ENV", "production"],
    ["HOST", "0.0.0.0"],
  ] as const)
    if (env.get(name) !== expected)
      report(at, "runtime-env", `the runtime stage must set ENV ${name}=${expected}`);
}
