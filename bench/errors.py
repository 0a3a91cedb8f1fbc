#!/usr/bin/env python3
"""Error categories of the planning benchmark, for development on the dev half.

Usage: errors.py [--split even|odd|all] [--show TASK|EDGE-SRC>EDGE-DST] [--cases N]
Reads bench/taskbench-hf/sample.jsonl and planner-service/target/taskbench/predictions.jsonl (written by
bench/planner.sh) and prints missed and spurious task types and edges, most frequent first. With --show,
prints the cases where that task type (or edge) was missed or spurious.
"""
import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
ROOT = Path(__file__).resolve().parent.parent


def norm(name):
    return re.sub(r"[\s_]+", "-", str(name).strip().lower())


def gold_plan(rec):
    names = [norm(n["task"]) for n in rec["task_nodes"]]
    edges = set()
    for i, n in enumerate(rec["task_nodes"]):
        for a in n.get("arguments", []):
            for j in re.findall(r"<node-(\d+)>", str(a)):
                if 0 <= int(j) < len(names):
                    edges.add((names[int(j)], names[i]))
    if not edges:
        edges = {(norm(l["source"]), norm(l["target"])) for l in rec.get("task_links", [])}
    return names, edges


def pred_plan(rec):
    tasks = rec.get("tasks") or []
    by_id = {t.get("id", p): norm(t["task"]) for p, t in enumerate(tasks)}
    edges = set()
    for t in tasks:
        sources = {d for d in (t.get("dep") or []) if d != -1}
        for v in (t.get("args") or {}).values():
            sources.update(int(x) for x in re.findall(r"<GENERATED>-(\d+)", str(v)))
        edges.update((by_id[s], norm(t["task"])) for s in sources if s in by_id)
    return [norm(t["task"]) for t in tasks], edges


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="even")
    ap.add_argument("--show")
    ap.add_argument("--cases", type=int, default=15)
    args = ap.parse_args()
    gold = [json.loads(l) for l in open(ROOT / "bench/taskbench-hf/sample.jsonl")]
    preds = {str(json.loads(l)["id"]): json.loads(l) for l in open(ROOT / "planner-service/target/taskbench/predictions.jsonl")}
    keep = {"even": lambda i: int(i) % 2 == 0, "odd": lambda i: int(i) % 2 == 1, "all": lambda i: True}[args.split]
    missed, spurious, missed_e, spurious_e, swaps = Counter(), Counter(), Counter(), Counter(), Counter()
    shown = 0
    for g in gold:
        if not keep(g["id"]):
            continue
        gn, ge = gold_plan(g)
        p = preds.get(str(g["id"]), {})
        pn, pe = pred_plan(p)
        m, s = set(gn) - set(pn), set(pn) - set(gn)
        missed.update(m)
        spurious.update(s)
        missed_e.update(ge - pe)
        spurious_e.update(pe - ge)
        for a in m:
            for b in s:
                swaps[(a, b)] += 1
        if args.show and shown < args.cases:
            hit = (args.show in m or args.show in s) if ">" not in args.show else \
                tuple(args.show.split(">")) in (ge ^ pe)
            if hit:
                shown += 1
                print(f"--- {g['id']} {g['type']}\n{g['instruction']}")
                print("  gold:", [(n, a) for n, a in zip(gn, [x.get('arguments') for x in g['task_nodes']])])
                print("  pred:", [(t['id'], t['task'], t.get('args')) for t in p.get('tasks', [])])
                print("  missed", sorted(m), "spurious", sorted(s), "\n  edges missed", sorted(ge - pe), "spurious", sorted(pe - ge))
    if args.show:
        return
    for title, c in [("missed tasks", missed), ("spurious tasks", spurious), ("missed -> predicted instead", swaps),
                     ("missed edges", missed_e), ("spurious edges", spurious_e)]:
        print(f"\n{title} ({sum(c.values())}):")
        for k, v in c.most_common(25):
            print(f"  {v:4d}  {k}")


if __name__ == "__main__":
    main()
