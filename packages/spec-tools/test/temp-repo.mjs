// A throwaway git repository holding what `pnpm spec:diff` reads (openapi/ as committed, the
// workspace's package.json files, .changeset/config.json), for end-to-end runs of the command.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { workspacePackages } from "../src/workspace.mjs";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export function sh(cwd, command, args) {
  const r = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${r.stderr}`);
  return r.stdout.trim();
}

export function makeTempRepo() {
  const dir = mkdtempSync(join(tmpdir(), "spec-diff-repo-"));
  const tar = join(dir, "openapi.tar");
  sh(repoRoot, "git", ["archive", "--format=tar", "-o", tar, "HEAD", "openapi"]);
  sh(dir, "tar", ["-xf", tar]);
  sh(dir, "rm", [tar]);
  cpSync(join(repoRoot, "pnpm-workspace.yaml"), join(dir, "pnpm-workspace.yaml"));
  for (const pkg of workspacePackages(repoRoot)) {
    const target = join(dir, relative(repoRoot, pkg.dir), "package.json");
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(pkg.dir, "package.json"), target);
  }
  mkdirSync(join(dir, ".changeset"));
  cpSync(join(repoRoot, ".changeset", "config.json"), join(dir, ".changeset", "config.json"));
  writeFileSync(join(dir, ".gitignore"), "openapi/dist/\nnode_modules/\n");
  sh(dir, "git", ["init", "-q", "-b", "main"]);
  sh(dir, "git", ["-c", "user.name=t", "-c", "user.email=t@t", "add", "-A"]);
  sh(dir, "git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"]);
  return {
    dir,
    commit: (message) => {
      sh(dir, "git", ["add", "-A"]);
      sh(dir, "git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", message]);
    },
    edit: (file, from, to) => {
      const path = join(dir, file);
      const text = readFileSync(path, "utf8");
      if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
      writeFileSync(path, text.replace(from, to));
    },
    write: (file, text) => writeFileSync(join(dir, file), text),
  };
}
