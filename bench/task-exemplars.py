#!/usr/bin/env python3
"""Writes the embedded planner's exemplar bank: each step of the TaskBench dev half (even ids of
bench/taskbench-hf/sample.jsonl) with the task type of its node, one "task<TAB>phrase" line each, to
planner-service/src/main/resources/task-exemplars.tsv. The held-out half (odd ids) is never read."""
import json
import re
from pathlib import Path

root = Path(__file__).resolve().parent.parent
lines = []
for line in (root / "bench/taskbench-hf/sample.jsonl").read_text().splitlines():
    case = json.loads(line)
    if int(case["id"]) % 2:
        continue
    nodes = case["task_nodes"] if isinstance(case["task_nodes"], list) else [case["task_nodes"]]
    steps = case.get("task_steps") or []
    if len(steps) != len(nodes):
        continue
    for step, node in zip(steps, nodes):
        phrase = re.sub(r"^\s*Step\s*\d+\s*[:.]\s*", "", step).strip().replace("\t", " ").replace("\n", " ")
        task = re.sub(r"[\s_]+", "-", node["task"].strip().lower())
        if phrase:
            lines.append(f"{task}\t{phrase}")
out = root / "planner-service/src/main/resources/task-exemplars.tsv"
out.write_text("\n".join(sorted(set(lines))) + "\n")
print(f"{len(set(lines))} exemplars -> {out}")
