import type { RenderContext } from "../render-context.js";
import { workflowView } from "./workflow-view.js";

/** The mustache view of templates/service. (Skeleton: filled in by the Django renderer work.) */
export function serviceView(context: RenderContext): object {
  return { workflow: workflowView(context) };
}
