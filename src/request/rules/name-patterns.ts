/** Name rules of the systems a request's names reach. Each is a whole-string match. */

import { splitRepositoryName } from "../naming.js";

/** Kubernetes Service names are DNS-1035 labels (a letter first), stricter than DNS-1123;
 * the service name is used for the Service too, so it follows the stricter rule. */
export const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
export const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS_1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A public host name: a DNS subdomain with at least one dot. */
export const HOST_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A Kubernetes resource quantity such as 1Gi, 500Mi or 1.5G. */
export const QUANTITY = /^([0-9]+(\.[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
/** CPU quantities: cores (0.5) or millicores (500m). */
export const CPU_QUANTITY = /^([0-9]+(\.[0-9]+)?|[0-9]+m)$/;
/** GitHub user and organisation logins. */
export const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** GitHub repository names (`.` and `..` are refused separately). */
export const GITHUB_REPO = /^[A-Za-z0-9._-]{1,100}$/;
/** GitHub team slugs. */
export const TEAM_SLUG = /^[a-z0-9][a-z0-9_-]*$/;
/** Actions secret names: GitHub refuses the GITHUB_ prefix and a leading digit. */
export const SECRET_NAME = /^[A-Z_][A-Z0-9_]*$/;
/** A registry host with an optional port, lowercase. */
export const REGISTRY_HOST = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]{1,5})?$/;
export const MAX_LABEL_LENGTH = 63;
export const MAX_SUBDOMAIN_LENGTH = 253;

/** Namespaces a service must never be deployed into (or take over). */
export const RESERVED_NAMESPACES = new Set(["default", "argocd"]);

/** `gitops` or `acme/gitops`: is it a valid GitHub repository reference? */
export function isRepositoryReference(value: string): boolean {
  const { owner, repo } = splitRepositoryName(value);
  if (repo.includes("/")) return false;
  if (value.includes("/") && !GITHUB_LOGIN.test(owner)) return false;
  return GITHUB_REPO.test(repo) && repo !== "." && repo !== "..";
}
