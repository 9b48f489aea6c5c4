import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import type { FileTree } from "../render/file-tree.js";
import { writeTree } from "./write-tree.js";

/** The list of files the last render wrote into an output directory: the only files a
 * later `--force` render may remove. */
export const MANIFEST = ".devportal-render.json";

export type WriteOutcome =
  | { ok: true; written: number; removed: string[] }
  | { ok: false; message: string };

/**
 * Write `tree` (paths relative to `out`) into `out`. A non-empty `out` is refused without
 * `force`; with it, files the previous render listed in its manifest and this one no longer
 * produces are removed (a file dropped from the templates must not linger), and nothing the
 * CLI did not write is ever deleted.
 */
export function writeOutput(params: {
  out: string;
  tree: FileTree;
  force: boolean;
  /** How the directory is named in messages (default `--out <dir>`). */
  label?: string;
}): WriteOutcome {
  const out = resolve(params.out);
  const label = params.label ?? `--out ${params.out}`;
  if (existsSync(out) && !statSync(out).isDirectory())
    return { ok: false, message: `${label} is a file: give a directory` };
  const entries = existsSync(out) ? readdirSync(out) : [];
  if (entries.length > 0 && !params.force)
    return {
      ok: false,
      message: `${label} is not empty: choose an empty or new directory, or pass --force to overwrite what a previous render wrote there (nothing else is deleted)`,
    };
  const removed = previousFiles(out).filter((path) => !(path in params.tree));
  for (const path of removed) removeFile(out, path);
  try {
    writeTree(out, { ...params.tree, [MANIFEST]: manifest(params.tree) });
  } catch (error) {
    return { ok: false, message: `${label}: ${(error as Error).message}` };
  }
  return { ok: true, written: Object.keys(params.tree).length, removed };
}

function manifest(tree: FileTree): string {
  const note = "Written by devportal render: the files a later --force render may replace.";
  return `${JSON.stringify({ note, files: Object.keys(tree).sort() }, null, 2)}\n`;
}

/** The files the last render wrote; an unreadable or foreign manifest names none. */
function previousFiles(out: string): string[] {
  try {
    const parsed = JSON.parse(readFileSync(join(out, MANIFEST), "utf8")) as { files?: unknown };
    return Array.isArray(parsed.files)
      ? parsed.files.filter((file): file is string => typeof file === "string")
      : [];
  } catch {
    return [];
  }
}

/** Remove one file the CLI wrote, and the directories that removal left empty. A manifest
 * is a file on disk anyone could edit: paths leaving `out` are ignored. */
function removeFile(out: string, path: string): void {
  const target = resolve(join(out, path));
  if (!target.startsWith(out + sep) || !existsSync(target) || !statSync(target).isFile()) return;
  rmSync(target);
  for (let dir = dirname(target); dir.startsWith(out + sep); dir = dirname(dir)) {
    if (readdirSync(dir).length > 0) break;
    rmdirSync(dir);
  }
}
