import { createApp } from "./app/create-app.js";
import { readIssueForm } from "./app/issue-form.js";

/**
 * The Probot entry point (`probot run ./lib/index.js`). Secret values for new repositories
 * are read from `DEVPORTAL_SECRET_*` variables of this process's environment only.
 */
export default createApp({ env: process.env, issueForm: readIssueForm() });
