import { createApp } from "./app/create-app.js";
import { readIssueForm } from "./app/issue-form.js";

/**
 * The Probot entry point (`probot run ./lib/index.js`). Secret values for new repositories
 * are read from `DEVPORTAL_SECRET_*` variables of this process's environment only.
 */
export default createApp({
  env: process.env,
  issueForm: readIssueForm(),
  // A rolling update sends SIGTERM: let running jobs finish. Jobs still waiting are in Redis
  // (taken by another replica) or, without Redis, found again by the next start's recovery.
  onRuntime: (runtime) => {
    process.once("SIGTERM", () => {
      runtime.close().finally(() => process.exit(0));
    });
  },
});
