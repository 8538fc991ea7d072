#!/usr/bin/env python3
"""SQLite FTS5 half of bench/search.sh (standard library only).

  fts5.py build     --tsv FILE --db FILE --out FILE.json
  fts5.py run       --db FILE --queries FILE.json --out FILE.json [--rounds 5 --warmup 1]
  fts5.py relevance --dir DIR [--db FILE]   (--db: an FTS5 database built from the same TSV)
  fts5.py report    --ours ours.json --fts fts5.json --build build.json --sizes sizes.json
                    --dump dump.json --rel-dir DIR [--n N] --out report.txt

The FTS5 table is docs(high, body) with tokenize='unicode61 remove_diacritics 2'
(rowid = agreement ID), ranked with bm25(docs, 3.0, 1.0): the high fields weigh
3x, as in our engine. A staff query becomes a MATCH expression the standard way:
tokens split on non-alphanumerics, each double-quoted, implicit AND, and in
prefix mode the last token gets a * (as-you-type).
"""

import argparse
import json
import os
import re
import sqlite3
import statistics
import sys
import time

TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
LIMIT = 20
SELECT = ("SELECT rowid, snippet(docs, -1, '[', ']', '…', 24) FROM docs "
          "WHERE docs MATCH ? ORDER BY bm25(docs, 3.0, 1.0) LIMIT ?")
# bbolt reads the data file through mmap; give SQLite the same chance.
READ_PRAGMAS = ["PRAGMA mmap_size=2147418112", "PRAGMA cache_size=-262144"]


def match_expr(text, prefix):
    """Return the FTS5 MATCH expression for what a person typed, or None."""
    toks = TOKEN.findall(text)
    if not toks:
        return None
    quoted = ['"%s"' % t.replace('"', '""') for t in toks]
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc_id, high, body = line.rstrip("\n").split("\t", 2)
            yield int(doc_id), high, body


def create(con, tsv):
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(high, body, "
                "tokenize='unicode61 remove_diacritics 2')")
    t0 = time.perf_counter()
    with con:
        con.executemany("INSERT INTO docs(rowid, high, body) VALUES (?, ?, ?)", read_tsv(tsv))
    t1 = time.perf_counter()
    with con:
        con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1


def cmd_build(a):
    for p in (a.db, a.db + "-journal"):
        if os.path.exists(p):
            os.remove(p)
    con = sqlite3.connect(a.db)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-262144")
    insert_s, optimize_s = create(con, a.tsv)
    docs = con.execute("SELECT count(*) FROM docs").fetchone()[0]
    tables = dict(con.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall())
    con.close()
    out = {"docs": docs, "insert_s": insert_s, "optimize_s": optimize_s,
           "file_bytes": os.path.getsize(a.db), "tables": tables,
           # docs_data holds the inverted index, docs_idx its segment index and
           # docs_docsize the column lengths; docs_content is the stored text.
           "index_bytes": sum(v for k, v in tables.items() if k in ("docs_data", "docs_idx", "docs_docsize")),
           "content_bytes": tables.get("docs_content", 0)}
    with open(a.out, "w") as f:
        json.dump(out, f, indent=1)
    print("fts5 build: %d docs, insert %.1f s, optimize %.1f s, %d MiB" %
          (docs, insert_s, optimize_s, out["file_bytes"] >> 20), file=sys.stderr)


def search(con, text, prefix, limit=LIMIT):
    """Run one query; return (seconds, ids, syntax_error)."""
    expr = match_expr(text, prefix)
    if expr is None:
        return 0.0, [], False
    t0 = time.perf_counter()
    try:
        rows = con.execute(SELECT, (expr, limit)).fetchall()
    except sqlite3.OperationalError as e:
        if "syntax error" in str(e) or "fts5" in str(e):
            return time.perf_counter() - t0, [], True
        raise
    return time.perf_counter() - t0, [r[0] for r in rows], False


def cmd_run(a):
    con = sqlite3.connect(a.db)
    for p in READ_PRAGMAS:
        con.execute(p)
    with open(a.queries) as f:
        queries = json.load(f)
    runs = []
    for q in queries:
        modes = ["prefix"] if q["cat"] == "prefix" else ["exact", "prefix"]
        for m in modes:
            runs.append({"cat": q["cat"], "mode": m, "text": q["text"].rstrip(" "),
                         "expr": match_expr(q["text"], m == "prefix"), "lat_ms": [], "ids": None,
                         "syntax_error": False})
    for r in range(a.warmup + a.rounds):
        for run in runs:
            secs, ids, bad = search(con, run["text"], run["mode"] == "prefix")
            if r < a.warmup:
                continue
            run["lat_ms"].append(secs * 1000)
            if run["ids"] is None:
                run["ids"], run["syntax_error"] = ids, bad
    # How many documents each query matches (not timed), to show which are the
    # common-word queries.
    for run in runs:
        run["matches"] = 0
        if run["expr"] and not run["syntax_error"]:
            run["matches"] = con.execute("SELECT count(*) FROM docs WHERE docs MATCH ?",
                                         (run["expr"],)).fetchone()[0]
    con.close()
    with open(a.out, "w") as f:
        json.dump({"engine": "fts5", "sqlite": sqlite3.sqlite_version, "rounds": a.rounds,
                   "warmup": a.warmup, "limit": LIMIT, "queries": runs}, f, indent=1)


def cmd_relevance(a):
    if a.db:
        con = sqlite3.connect(a.db)
        for p in READ_PRAGMAS:
            con.execute(p)
    else:
        con = sqlite3.connect(":memory:")
        create(con, os.path.join(a.dir, "relevance.tsv"))
    with open(os.path.join(a.dir, "ours.json")) as f:
        cases = json.load(f)["cases"] or []
    out, errors = [], 0
    for c in cases:
        limit = max(10, c["top"])
        res = {"query": c["query"]}
        for m in ("exact", "prefix"):
            _, ids, bad = search(con, c["query"], m == "prefix", limit)
            res["ids_" + m] = ids
            errors += bad
        out.append(res)
    with open(os.path.join(a.dir, "fts5.json"), "w") as f:
        json.dump({"engine": "fts5", "cases": out, "syntax_errors": errors}, f, indent=1)


# ---- report ---------------------------------------------------------------

def pct(xs, p):
    """Nearest-rank percentile."""
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = max(0, min(len(xs) - 1, int(round(p / 100 * len(xs) + 0.5)) - 1))
    return xs[k]


def recall(want, ids, k):
    return len(set(want) & set(ids[:k])) / len(want)


def relevance_table(w, rc, fc):
    hdr = "%-34s %9s %9s %9s %9s %9s" % ("engine", "recall@top", "recall@10", "all@top", "unfilt@top", "via")
    w(hdr)
    w("-" * len(hdr))
    filtered = [bool(c.get("filter")) for c in rc]
    via = [bool(c.get("via")) for c in rc]
    engines = [("ours, as typed", [c["ids"] for c in rc]),
               ("ours, submitted (trailing space)", [c.get("ids_exact", c["ids"]) for c in rc]),
               ("FTS5, submitted", [c["ids_exact"] for c in fc]),
               ("FTS5, last token prefix", [c["ids_prefix"] for c in fc])]
    for name, hits in engines:
        rt = [recall(c["want"], h, c["top"]) for c, h in zip(rc, hits)]
        r10 = [recall(c["want"], h, 10) for c, h in zip(rc, hits)]
        unf = [x for x, fl in zip(rt, filtered) if not fl]
        vt = [x for x, v in zip(rt, via) if v]
        w("%-34s %9.1f%% %8.1f%% %5d/%-3d %8.1f%% %5d/%-3d" % (
            name, 100 * statistics.mean(rt), 100 * statistics.mean(r10),
            sum(1 for x in rt if x == 1.0), len(rt), 100 * statistics.mean(unf) if unf else float("nan"),
            sum(1 for x in vt if x == 1.0), len(vt)))
    w("")


def cmd_report(a):
    with open(a.ours) as f:
        ours = json.load(f)
    with open(a.fts) as f:
        fts = json.load(f)
    with open(a.build) as f:
        build = json.load(f)
    with open(a.sizes) as f:
        sizes = json.load(f)
    key = lambda r: (r["cat"], r["mode"], r["text"], json.dumps(r.get("filter"), sort_keys=True))
    fts_runs = {key(r): r for r in fts["queries"]}
    pairs = []
    for r in ours["queries"]:
        f = fts_runs[(r["cat"], r["mode"], r["text"], "null")] if r.get("filter") else fts_runs[key(r)]
        pairs.append((r, f))

    out = []
    w = out.append
    n_queries = len({(r["cat"], r["text"], json.dumps(r.get("filter"), sort_keys=True)) for r, _ in pairs})
    w("Search benchmark: Sepakat vs SQLite FTS5 %s, %s agreements" % (fts["sqlite"], a.n))
    w("%d queries; %d timed rounds after %d warm-up; in-process timing; top %d results" %
      (n_queries, ours["rounds"], ours["warmup"], ours["limit"]))
    w("")
    rows = [
        ("1-3 words, submitted", lambda r: r["cat"] == "short" and r["mode"] == "exact"),
        ("filters, submitted *", lambda r: r["cat"] == "filter" and r["mode"] == "exact"),
        ("prefix (as you type)", lambda r: r["cat"] == "prefix"),
        ("broad, submitted", lambda r: r["cat"] == "broad" and r["mode"] == "exact"),
        ("staff cases, submitted", lambda r: r["cat"] == "cases" and r["mode"] == "exact"),
        ("overall", lambda r: r["mode"] == "exact" or r["cat"] == "prefix"),
        ("1-3 words, as typed", lambda r: r["cat"] == "short" and r["mode"] == "prefix"),
        ("filters, as typed *", lambda r: r["cat"] == "filter" and r["mode"] == "prefix"),
        ("broad, as typed", lambda r: r["cat"] == "broad" and r["mode"] == "prefix"),
        ("staff cases, as typed", lambda r: r["cat"] == "cases" and r["mode"] == "prefix"),
    ]
    hdr = "%-23s %4s %8s %8s %8s %8s %8s %8s %6s %6s %6s %7s" % (
        "category", "n", "ours p50", "ours p95", "ours p99", "fts p50", "fts p95", "fts p99",
        "p50 ×", "p95 ×", "p99 ×", "overlap")
    w("latency in ms (ratio = ours / FTS5; overlap = shared IDs in the top %d)" % ours["limit"])
    w(hdr)
    w("-" * len(hdr))
    ratio = lambda x, y: x / y if y else float("nan")
    for name, pred in rows:
        sel = [(o, f) for o, f in pairs if pred(o)]
        if not sel:
            continue
        lo = [x for o, _ in sel for x in o["lat_ms"]]
        lf = [x for _, f in sel for x in f["lat_ms"]]
        o50, o95, o99 = pct(lo, 50), pct(lo, 95), pct(lo, 99)
        f50, f95, f99 = pct(lf, 50), pct(lf, 95), pct(lf, 99)
        ov = statistics.mean(len(set(o["ids"]) & set(f["ids"])) / max(1, len(o["ids"]), len(f["ids"]))
                             for o, f in sel)
        w("%-23s %4d %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %6.2f %6.2f %6.2f %6.0f%%" % (
            name, len(sel), o50, o95, o99, f50, f95, f99,
            ratio(o50, f50), ratio(o95, f95), ratio(o99, f99), 100 * ov))
    w("")
    w("Rows: 'submitted' = the words then Enter: ours gets a trailing space (no prefix),")
    w("FTS5 quoted tokens, implicit AND. 'prefix' and 'as typed' = the last word is a")
    w("prefix: ours as typed (no trailing space), FTS5 last token \"tok\"*. 'broad' =")
    w("common words, and a common word plus a year. 'staff cases' = the queries of the")
    w("scale relevance cases (internal/relevance/scale.json). Overall = the five")
    w("categories above it. * FTS5 has no structured filters: it runs the")
    w("same text without them (ours applies kind/status/party/year/... filters).")
    w("FTS5 query: %s" % SELECT.replace("?", "…", 1))
    w("  (snippet like ours; PRAGMA mmap_size 2 GB and cache_size 256 MB, as bbolt mmaps.)")
    errs = sum(1 for _, f in pairs if f["syntax_error"])
    w("FTS5 syntax errors (counted as no results): %d" % errs)
    empty_o = sum(1 for o, _ in pairs if not o["ids"])
    empty_f = sum(1 for _, f in pairs if not f["ids"])
    w("query runs with no results: ours %d, FTS5 %d (of %d)" % (empty_o, empty_f, len(pairs)))
    w("")

    # Sizes.
    with open(a.dump) as f:
        dump = json.load(f)
    tsv_bytes = dump["text_bytes"]
    search_b = sum(b["alloc_bytes"] for b in sizes["buckets"] if "search" in b["name"])
    agree_b = sum(b["alloc_bytes"] for b in sizes["buckets"] if b["name"] == "agreements")
    mib = lambda x: x / 1048576
    w("size                                   MiB   × indexed text")
    w("indexed text (TSV high+body)      %9.1f   1.00" % mib(tsv_bytes))
    w("ours: data file                   %9.1f   %.2f" % (mib(sizes["file_bytes"]), sizes["file_bytes"] / tsv_bytes))
    w("ours: search_* buckets (pages)    %9.1f   %.2f" % (mib(search_b), search_b / tsv_bytes))
    w("ours: agreements bucket (pages)   %9.1f   %.2f" % (mib(agree_b), agree_b / tsv_bytes))
    free_b = sizes["file_bytes"] - sum(b["alloc_bytes"] for b in sizes["buckets"])
    w("ours: free and meta pages         %9.1f   %.2f" % (mib(free_b), free_b / tsv_bytes))
    w("FTS5: db file                     %9.1f   %.2f" % (mib(build["file_bytes"]), build["file_bytes"] / tsv_bytes))
    w("FTS5: index (data+idx+docsize)    %9.1f   %.2f" % (mib(build["index_bytes"]), build["index_bytes"] / tsv_bytes))
    w("FTS5: stored text (docs_content)  %9.1f   %.2f" % (mib(build["content_bytes"]), build["content_bytes"] / tsv_bytes))
    w("FTS5 build: insert %.1f s + optimize %.1f s = %.1f s" % (
        build["insert_s"], build["optimize_s"], build["insert_s"] + build["optimize_s"]))
    w("ours: first open of the copied data file %.1f s (a schema change rebuilds the index here)" % dump["open_s"])
    w("buckets of our data file: " + ", ".join("%s %.1f" % (b["name"], mib(b["alloc_bytes"]))
                                               for b in sizes["buckets"] if b["alloc_bytes"] >= 1 << 20) + " MiB")
    w("")

    # Relevance: each directory is one corpus (ours.json and fts5.json).
    rc, fc, errors = [], [], 0
    for d in a.rel_dir or []:
        if not os.path.exists(os.path.join(d, "fts5.json")):
            w("relevance: not run in %s" % d)
            continue
        with open(os.path.join(d, "ours.json")) as f:
            ours_rel = json.load(f)
        with open(os.path.join(d, "fts5.json")) as f:
            rel = json.load(f)
        for c in ours_rel["cases"] or []:
            c["set"] = "%s at %s" % (c.get("set", "relevance"), ours_rel.get("n", "?"))
            rc.append(c)
        fc += rel["cases"]
        errors += rel["syntax_errors"]
    rel = {"syntax_errors": errors}
    if not rc:
        w("relevance set: not run")
    if rc:
        sets = []
        for c, f in zip(rc, fc):
            name = c.get("set", "relevance")
            if name not in [x[0] for x in sets]:
                sets.append((name, [], []))
            for x in sets:
                if x[0] == name:
                    x[1].append(c)
                    x[2].append(f)
        for name, rcs, fcs in sets:
            kind, _, n = name.partition(" at ")
            title = {"relevance": "relevance set (internal/relevance/relevance.json)",
                     "scale": "scale cases (internal/relevance/scale.json: the examples in the first 3)"}.get(kind, kind)
            w("%s: %d cases, corpus of the examples and %s generated agreements" % (title, len(rcs), n))
            relevance_table(w, rcs, fcs)
        w("recall@top: share of wanted agreements within each case's top (mean over cases);")
        w("all@top: cases with every wanted agreement within its top; unfilt@top: recall@top")
        w("over the cases without filters (FTS5 cannot apply filters); via: cases reached")
        w("only through a synonym, rule, typo, completion or mandate, all@top among them.")
        w("FTS5 syntax errors in the relevance set (counted as no results): %d" % rel["syntax_errors"])
        w("")

    # Per-query detail, in the file only.
    summary = "\n".join(out) + "\n"
    del out[:]
    w("per query: p50 ms, results returned (of %d), FTS5 matches = documents matching its expression" % ours["limit"])
    w("%-6s %-6s %-26s %8s %8s %4s %4s %7s  %s" % ("cat", "mode", "text", "ours", "fts5", "n", "nf", "matches", "filter (ours only)"))
    for o, f in pairs:
        w("%-6s %-6s %-26s %8.2f %8.2f %4d %4d %7d  %s" % (
            o["cat"], o["mode"], o["text"][:26], pct(o["lat_ms"], 50), pct(f["lat_ms"], 50),
            len(o["ids"]), len(f["ids"]), f["matches"], o.get("applied_filter", "")))
    if rc:
        w("")
        w("relevance cases: rank of each wanted agreement (- = not in the first %d)" % max(c["limit"] for c in rc))
        w("%-18s %-40s %3s %-18s %-18s %-18s %s" % ("set", "query", "top", "ours as typed", "FTS5 submitted", "FTS5 prefix", "filter"))
        rank = lambda want, ids: " ".join(str(ids.index(x) + 1) if x in ids else "-" for x in want)
        for c, f in zip(rc, fc):
            w("%-18s %-40s %3d %-18s %-18s %-18s %s" % (c["set"][:18], c["query"][:40], c["top"], rank(c["want"], c["ids"]),
                                                  rank(c["want"], f["ids_exact"]), rank(c["want"], f["ids_prefix"]),
                                                  c.get("filter", "")))
    with open(a.out, "w") as fh:
        fh.write(summary + "\n" + "\n".join(out) + "\n")
    sys.stdout.write(summary)
    print("(per-query detail in %s)" % a.out)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--tsv", required=True)
    b.add_argument("--db", required=True)
    b.add_argument("--out", required=True)
    r = sub.add_parser("run")
    r.add_argument("--db", required=True)
    r.add_argument("--queries", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--rounds", type=int, default=5)
    r.add_argument("--warmup", type=int, default=1)
    v = sub.add_parser("relevance")
    v.add_argument("--dir", required=True)
    v.add_argument("--db")
    t = sub.add_parser("report")
    for k in ("ours", "fts", "build", "sizes", "out"):
        t.add_argument("--" + k, required=True)
    t.add_argument("--dump", required=True, help="stats of search dump")
    t.add_argument("--rel-dir", action="append", help="a relevance corpus directory (repeatable)")
    t.add_argument("--n", default="")
    a = p.parse_args()
    {"build": cmd_build, "run": cmd_run, "relevance": cmd_relevance, "report": cmd_report}[a.cmd](a)


if __name__ == "__main__":
    main()
