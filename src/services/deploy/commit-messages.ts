import type { RequestOrigin } from "../../request/service-request.js";
import { short } from "./decide-ancestry.js";

export interface RunRef {
  id: number;
  number: number;
  htmlUrl: string;
}

/** Commit messages of Repository_B. The subject names the service and the short SHA, so
 * `git log --oneline apps/<service>` reads as the service's deployment history; the body
 * links the build that produced the image. */
export function firstDeployMessage(params: {
  service: string;
  repository: string;
  tag: string;
  run: RunRef;
  origin: RequestOrigin | null;
}): string {
  const request = params.origin?.issue
    ? `Requested in ${params.origin.repository}#${params.origin.issue}.`
    : undefined;
  return [
    `Deploy ${params.service} at ${short(params.tag)}`,
    "",
    `Adds apps/${params.service}/ for ${params.repository}@${params.tag},`,
    `image built by run #${params.run.number}: ${params.run.htmlUrl}`,
    ...(request ? [request] : []),
  ].join("\n");
}

export function bumpMessage(params: {
  service: string;
  repository: string;
  from: string;
  tag: string;
  run: RunRef;
}): string {
  return [
    `${params.service}: deploy ${short(params.tag)} (run #${params.run.number})`,
    "",
    `Image tag ${short(params.from)} -> ${params.tag}`,
    `built from ${params.repository}@${params.tag} by ${params.run.htmlUrl}`,
  ].join("\n");
}

export function redeployMessage(params: {
  service: string;
  changed: string[];
  tag: string;
}): string {
  return [
    `${params.service}: apply deploy changes (${params.changed.join(", ")})`,
    "",
    `Re-rendered apps/${params.service}/ from the updated request, image tag kept at ${params.tag}.`,
  ].join("\n");
}
