import type { FileTree } from "../file-tree.js";
import { sortTree } from "../file-tree.js";
import type { RenderContext } from "../render-context.js";
import { renderTemplateSet } from "../render-template-set.js";
import { REQUEST_RECORD_PATH, renderRequestRecord } from "./request-record.js";
import { serviceView } from "./service-view.js";

/** Repository_A: the Django REST service, its CI/CD workflow and the request record. */
export function renderRepositoryA(context: RenderContext): FileTree {
  const { request } = context;
  const files = renderTemplateSet({
    set: "service",
    view: serviceView(context),
    paths: { project: request.project, app: request.app },
    include: (path) =>
      (request.ci || !path.startsWith(".github/workflows/")) &&
      (request.api.admin !== false || path !== "__app__/admin.py"),
  });
  return sortTree({ ...files, [REQUEST_RECORD_PATH]: renderRequestRecord(context) });
}
