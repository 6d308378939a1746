#!/usr/bin/env python3
"""Runs the shell steps of action.yml the way the GitHub runner would, on a sample repository.

Not a GitHub runner: `uses:` steps (actions/cache, codeql-action/upload-sarif) are not run, and
the cache is taken as hit, with the `treaty` binary given by $TREATY (a debug build) in the
place the install step would have put it, so `cargo install` is not run either (see
tests/consumers/pre-commit.sh for an installation by cargo). What is checked: action.yml
parses, its `if:` conditions and `${{ }}` expressions resolve, the cache key step works, and
the validation and SARIF steps pass on the valid dataset and fail, with annotations and a SARIF
result, on a broken one.

Usage: TREATY=target/debug/treaty check_action.py   (needs PyYAML: run from tests/consumers/.venv)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]


def resolve(text: str, context: dict[str, str]) -> str:
    """Replaces `${{ inputs.x }}` / `${{ steps.id.outputs.x }}` with their values."""
    return re.sub(r"\$\{\{\s*([^}]+?)\s*\}\}", lambda m: context.get(m.group(1), ""), text)


def condition(expression: str, context: dict[str, str]) -> bool:
    """The `if:` forms action.yml uses: comparisons of contexts with strings, &&, always()."""
    if re.search(r"[^\w\s'=!().&|-]", expression):
        raise SystemExit(f"error: unsupported `if:` expression in action.yml: {expression}")
    python = re.sub(r"\b(?:inputs|steps)\.[\w.-]+", lambda m: repr(context.get(m.group(0), "")),
                    expression)
    python = python.replace("always()", "True").replace("&&", " and ").replace("||", " or ")
    return bool(eval(python, {"__builtins__": {}}, {}))  # noqa: S307 - the checked subset above


def run_action(action: dict, inputs: dict[str, str], workspace: Path, temp: Path,
               log: list[str]) -> int:
    """Runs the action's steps; returns the exit status of the first failing step, else 0."""
    context = {f"inputs.{name}": spec.get("default", "") for name, spec in action["inputs"].items()}
    context.update({f"inputs.{name}": value for name, value in inputs.items()})
    context["steps.cache.outputs.cache-hit"] = "true"
    failed = 0
    env_base = {
        **os.environ,
        "GITHUB_ACTION_PATH": str(ROOT),
        "GITHUB_WORKSPACE": str(workspace),
        "RUNNER_TEMP": str(temp),
        "RUNNER_OS": "Linux",
        "RUNNER_ARCH": "X64",
        "GITHUB_STEP_SUMMARY": str(temp / "summary.md"),
        "GITHUB_ACTIONS": "true",
    }
    path_additions: list[str] = []
    for step in action["runs"]["steps"]:
        name = step.get("name", step.get("id", "?"))
        cond = step.get("if")
        # As on a runner, a condition without always() implies success(): after a failed step,
        # only the steps whose condition says always() run.
        if failed and "always()" not in (cond or ""):
            log.append(f"skip  {name} (a step failed)")
            continue
        if cond is not None and not condition(cond, context):
            log.append(f"skip  {name}")
            continue
        if "uses" in step:
            log.append(f"uses  {name} ({step['uses']}): not run here")
            continue
        output = temp / "github_output"
        output.write_text("")
        github_path = temp / "github_path"
        github_path.write_text("")
        env = {**env_base, "GITHUB_OUTPUT": str(output), "GITHUB_PATH": str(github_path)}
        env["PATH"] = os.pathsep.join([*path_additions, env["PATH"]])
        env.update({k: resolve(str(v), context) for k, v in step.get("env", {}).items()})
        proc = subprocess.run([step["shell"], "--noprofile", "--norc", "-eo", "pipefail", "-c",
                               resolve(step["run"], context)],
                              cwd=workspace, env=env, capture_output=True, text=True,
                              check=False)
        log.append(f"run   {name}: exit {proc.returncode}")
        log.extend("      " + line for line in (proc.stdout + proc.stderr).splitlines())
        for line in output.read_text().splitlines():
            key, _, value = line.partition("=")
            if step.get("id"):
                context[f"steps.{step['id']}.outputs.{key}"] = value
        path_additions = github_path.read_text().split() + path_additions
        if step.get("id") == "key":
            # The cache step would restore the binary here: put the debug build in its place.
            binary = Path(context["steps.key.outputs.root"]) / "bin" / "treaty"
            binary.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(os.environ["TREATY"], binary)
        if proc.returncode and not failed:
            failed = proc.returncode
    return failed


def main() -> int:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite", "action.yml is a composite action"
    for name in ("paths", "format", "sarif-file"):
        assert name in action["inputs"], f"action.yml has no input `{name}`"
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        workspace = tmp / "repo"
        workspace.mkdir()
        shutil.copytree(ROOT / "datasets", workspace / "datasets")

        # 1. Defaults on the valid dataset: success.
        log: list[str] = []
        temp = tmp / "runner1"
        temp.mkdir()
        status = run_action(action, {}, workspace, temp, log)
        print("== action.yml with its defaults, valid dataset")
        print("\n".join(log))
        if status != 0:
            problems.append(f"the valid dataset failed the action (exit {status})")

        # 2. A typo, with SARIF: failure, an annotation, a SARIF result.
        domestic = workspace / "datasets" / "powers" / "domestic.yaml"
        text = domestic.read_text(encoding="utf-8")
        domestic.write_text(text.replace("status: discretionary\n", "status: discretionnary\n", 1),
                            encoding="utf-8")
        log = []
        temp = tmp / "runner2"
        temp.mkdir()
        status = run_action(action, {"paths": "datasets\n", "sarif-file": "reports/treaty.sarif"},
                            workspace, temp, log)
        print("\n== action.yml with sarif-file, a typo in datasets/powers/domestic.yaml")
        print("\n".join(log))
        output = "\n".join(log)
        if status != 1:
            problems.append(f"the broken dataset: exit {status}, expected 1")
        if not re.search(r"::error file=datasets/powers/domestic\.yaml,line=\d+,col=\d+.*"
                         r"title=invalid-value::", output):
            problems.append("the broken dataset: no ::error annotation for the typo")
        sarif_path = workspace / "reports" / "treaty.sarif"
        if not sarif_path.is_file():
            problems.append("the broken dataset: no SARIF file written")
        else:
            sarif = json.loads(sarif_path.read_text(encoding="utf-8"))
            results = [r for run in sarif["runs"] for r in run.get("results", [])]
            if not any(r.get("ruleId") == "invalid-value" for r in results):
                problems.append("the broken dataset: no invalid-value result in the SARIF file")
        if "uses  Upload SARIF to code scanning" not in output:
            problems.append("the broken dataset: the SARIF upload step would not run")
    for p in problems:
        print(f"error: {p}", file=sys.stderr)
    print("\naction.yml: " + ("FAILED" if problems else "its steps behave as expected"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
