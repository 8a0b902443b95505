#!/usr/bin/env python3
"""bench.py - end-to-end speed and memory of the newsfacts CLI.

Makes JSON-lines inputs of the given sizes by repeating tests/bench/factru_texts.jsonl
(factRuEval-2016 texts, MIT), runs the release binary over each RUNS times, and prints for
each size the median MB/s (document text bytes / wall time), documents/s, facts/s and the
peak RSS (max over runs, from the kernel's rusage of the child). Compare ratios measured in
one run: the machines are noisy.

Then, when the Python package natasha is importable, natasha against newsfacts on the same
texts, one thread each: the first --natasha-docs documents of factru_texts.jsonl (default all
122, 345 KB; more repeats the file). natasha runs in this process, its models loaded first and
one document done as a warm-up, both outside the timing; the timed part is, per document,
Doc(text), doc.segment(Segmenter()) and doc.tag_ner(NewsNERTagger(NewsEmbedding())): razdel
tokens and sentences, then PER/LOC/ORG spans (numpy's BLAS held to one thread). No
NewsMorphTagger, no syntax, no normal forms (MorphVocab). newsfacts runs over the same texts as
a JSON-lines file with --threads 1 --stats, --runs times, and its MB/s is the median of what
--stats says: the time of reading, extracting and writing only, without process start-up or
lexicon loading (printed apart as "with start-up", the wall time of the whole process). Both
count MB as 10^6 bytes of UTF-8 text. newsfacts does more than the spans (every fact type,
normal forms, values), so the ratio is of speed, not of like output. natasha is not needed
otherwise and is not installed by CI:

    python3 -m venv /tmp/natvenv && /tmp/natvenv/bin/pip install natasha
    /tmp/natvenv/bin/python tests/bench/bench.py --sizes 10 --runs 3

    python3 tests/bench/bench.py [--sizes 10,100] [--runs 5] [--threads N] [--bin PATH]
                                 [--natasha-docs N] [--no-natasha]
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile, time

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


def corpus_texts(n):
    """The first n texts of the corpus, the file repeated when n is larger than it."""
    docs = [json.loads(l)["text"] for l in open(os.path.join(HERE, "factru_texts.jsonl"), encoding="utf-8")]
    return [docs[k % len(docs)] for k in range(n)]


def natasha_vs_newsfacts(binary, n_docs, runs, tmp):
    """natasha's NER and newsfacts on the same n_docs texts: prints both speeds and the ratio."""
    # One thread for natasha too: numpy's BLAS reads these when it loads.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    try:
        from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError:
        print("natasha: not installed, comparison skipped (python3 -m venv /tmp/natvenv && "
              "/tmp/natvenv/bin/pip install natasha, then run this script with /tmp/natvenv/bin/python)")
        return
    texts = corpus_texts(n_docs)
    text_bytes = sum(len(t.encode("utf-8")) for t in texts)
    t = time.perf_counter()
    segmenter, ner = Segmenter(), NewsNERTagger(NewsEmbedding())
    load = time.perf_counter() - t
    warm = Doc(texts[0])
    warm.segment(segmenter)
    warm.tag_ner(ner)
    spans = 0
    t = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(ner)
        spans += len(doc.spans)
    natasha_s = time.perf_counter() - t

    path = os.path.join(tmp, "natasha-slice.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for k, text in enumerate(texts):
            out.write(json.dumps({"id": f"d{k}", "text": text}, ensure_ascii=False) + "\n")
    inner, walls, facts = [], [], 0
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run([binary, path, "--threads", "1", "--stats"], capture_output=True)
        walls.append(time.perf_counter() - t)
        if p.returncode != 0:
            sys.exit(f"newsfacts exited {p.returncode}: {p.stderr.decode(errors='replace')}")
        m = re.search(rb"(\d+) facts, [\d.]+ MB in [\d.]+ s, ([\d.]+) MB/s", p.stderr)
        if not m:
            sys.exit(f"no --stats line from newsfacts: {p.stderr.decode(errors='replace')}")
        facts, mbs = int(m.group(1)), float(m.group(2))
        inner.append(mbs)
    nf = statistics.median(inner)
    nf_wall = text_bytes / 1e6 / statistics.median(walls)
    nat = text_bytes / 1e6 / natasha_s
    print(f"natasha vs newsfacts, same {n_docs} texts ({text_bytes / 1e6:.3f} MB), one thread each:")
    print(f"  natasha (Segmenter + NewsEmbedding + NewsNERTagger; models loaded in {load:.2f} s, not timed): "
          f"{nat:.3f} MB/s, {spans} spans, {natasha_s:.2f} s")
    print(f"  newsfacts (median of {runs}, reading + extracting + writing, no start-up): {nf:.1f} MB/s, "
          f"{facts} facts; with start-up: {nf_wall:.1f} MB/s")
    print(f"  ratio newsfacts/natasha: {nf / nat:.0f}x (with newsfacts' start-up: {nf_wall / nat:.0f}x)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100", help="input sizes in MB of text, comma-separated")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", default=None, help="passed as --threads when given")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "newsfacts"))
    ap.add_argument("--natasha-docs", type=int, default=122,
                    help="texts for the natasha comparison (default 122: the corpus once)")
    ap.add_argument("--no-natasha", action="store_true", help="skip the natasha comparison")
    a = ap.parse_args()
    if a.bin == os.path.join(ROOT, "target", "release", "newsfacts"):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    extra = ["--threads", a.threads] if a.threads else []
    print(f"machine: {os.cpu_count()} cores; corpus: factRuEval-2016 dev texts repeated; runs: {a.runs}")
    print(f"{'MB':>6} {'docs':>8} {'MB/s':>8} {'docs/s':>9} {'facts/s':>10} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in [int(s) for s in a.sizes.split(",") if s.strip()]:
            path = os.path.join(tmp, f"in-{mb}.jsonl")
            text_bytes, docs = make_input(path, mb)
            times, rss, facts = [], 0, 0
            for _ in range(a.runs):
                dt, facts, r = run_once(a.bin, path, extra)
                times.append(dt)
                rss = max(rss, r)
            med = statistics.median(times)
            print(f"{mb:>6} {docs:>8} {text_bytes / 1e6 / med:>8.1f} {docs / med:>9.0f} {facts / med:>10.0f} {rss / 1024:>12.1f}")
        if not a.no_natasha:
            natasha_vs_newsfacts(a.bin, a.natasha_docs, a.runs, tmp)


if __name__ == "__main__":
    main()
