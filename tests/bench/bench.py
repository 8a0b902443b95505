#!/usr/bin/env python3
"""bench.py - end-to-end speed and memory of the newsfacts CLI.

Makes JSON-lines inputs of the given sizes by repeating tests/bench/factru_texts.jsonl
(factRuEval-2016 texts, MIT), runs the release binary over each RUNS times, and prints for
each size the median MB/s (document text bytes / wall time), documents/s, facts/s and the
peak RSS (max over runs, from the kernel's rusage of the child). Compare ratios measured in
one run: the machines are noisy.

    python3 tests/bench/bench.py [--sizes 10,100] [--runs 5] [--threads N] [--bin PATH]
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def make_input(path, mb):
    docs = [json.loads(l) for l in open(os.path.join(HERE, "factru_texts.jsonl"), encoding="utf-8")]
    target = mb * 1_000_000
    text_bytes = n = 0
    with open(path, "w", encoding="utf-8") as out:
        while text_bytes < target:
            for d in docs:
                out.write(json.dumps({"id": f"{d['id']}-{n}", "text": d["text"]}, ensure_ascii=False) + "\n")
                text_bytes += len(d["text"].encode("utf-8"))
                n += 1
                if text_bytes >= target:
                    break
    return text_bytes, n


def run_once(binary, path, extra):
    """One run: wall seconds, facts written, and this child's own peak RSS in KiB."""
    t = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        p = subprocess.Popen([binary, path] + extra, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            sys.exit(f"newsfacts exited {p.returncode}")
        out.seek(0)
        facts = sum(chunk.count(b"\n") for chunk in iter(lambda: out.read(1 << 20), b""))
    return dt, facts, usage.ru_maxrss


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100", help="input sizes in MB of text, comma-separated")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", default=None, help="passed as --threads when given")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "newsfacts"))
    a = ap.parse_args()
    if a.bin == os.path.join(ROOT, "target", "release", "newsfacts"):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    extra = ["--threads", a.threads] if a.threads else []
    print(f"machine: {os.cpu_count()} cores; corpus: factRuEval-2016 dev texts repeated; runs: {a.runs}")
    print(f"{'MB':>6} {'docs':>8} {'MB/s':>8} {'docs/s':>9} {'facts/s':>10} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in [int(s) for s in a.sizes.split(",")]:
            path = os.path.join(tmp, f"in-{mb}.jsonl")
            text_bytes, docs = make_input(path, mb)
            times, rss, facts = [], 0, 0
            for _ in range(a.runs):
                dt, facts, r = run_once(a.bin, path, extra)
                times.append(dt)
                rss = max(rss, r)
            med = statistics.median(times)
            print(f"{mb:>6} {docs:>8} {text_bytes / 1e6 / med:>8.1f} {docs / med:>9.0f} {facts / med:>10.0f} {rss / 1024:>12.1f}")


if __name__ == "__main__":
    main()
