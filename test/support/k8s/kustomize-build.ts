import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { writeTree } from "../../../src/cli/write-tree.js";
import type { FileTree } from "../../../src/render/file-tree.js";

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
} & Record<string, unknown>;

/** Write a file tree under a fresh temporary directory; the caller removes it. */
export function writeTempTree(tree: FileTree): string {
  const root = mkdtempSync(join(tmpdir(), "devportal-gitops-"));
  writeTree(root, tree);
  return root;
}

/**
 * `kubectl kustomize <dir>` on a rendered Repository_B, parsed into objects. The real
 * binary is the point: a missing kubectl fails the test instead of skipping it.
 */
export function kustomizeBuild(tree: FileTree, directory: string): K8sObject[] {
  const root = writeTempTree(tree);
  try {
    const result = spawnSync("kubectl", ["kustomize", join(root, directory)], {
      encoding: "utf8",
      timeout: 60_000,
    });
    if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(
        "kubectl is not installed: install kubectl (it bundles kustomize) to run these tests",
      );
    if (result.error) throw result.error;
    if (result.status !== 0)
      throw new Error(`kubectl kustomize ${directory} failed:\n${result.stderr}`);
    return parseObjects(result.stdout);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Every document of a YAML stream; a parse error or an empty document is a failure. */
export function parseObjects(text: string): K8sObject[] {
  return parseAllDocuments(text).map((document, index) => {
    if (document.errors.length > 0)
      throw new Error(`document ${index}: ${document.errors.map((e) => e.message).join("; ")}`);
    const value = document.toJS() as K8sObject | null;
    if (!value?.apiVersion || !value.kind) throw new Error(`document ${index} is not an object`);
    return value;
  });
}
