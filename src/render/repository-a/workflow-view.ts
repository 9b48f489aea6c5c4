import type { RenderContext } from "../render-context.js";

/** The `workflow` part of the service view, for .github/workflows/ci-cd.yml. (Skeleton.) */
export function workflowView(_context: RenderContext): object {
  return {};
}
