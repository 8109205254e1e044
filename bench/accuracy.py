"""Builds docs/accuracy.md: each detector of a matrix file on each labelled sequence, through the real CLI.

For every (detector row, sequence) it runs `footfall run --save-tracks --clips off` into a fresh data folder, reads
the frames/s and line counts from the run's summary line, then `footfall eval --out` for MOTA, IDF1, ID switches and
the precision/recall of the tracked boxes. Standard library only (run by bench/accuracy.sh).
"""
import argparse
import datetime
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sequence:
    """A labelled clip: its source, ground truth (if any), counting line and the line's true in/out."""
    key: str
    title: str
    source: str
    gt: str | None
    line: str | None
    truth: tuple[int, int] | None  # None: taken from footfall eval's ground-truth crossings


SEQUENCES = [
    Sequence("tud", "TUD-Campus (71 frames, 640x480)", "mot/TUD-Campus/TUD-Campus.mp4", "mot/TUD-Campus/gt/gt.txt",
             "0.5,0,0.5,1:mid", None),
    Sequence("virat", "VIRAT S_010003_07 (493 frames, 1280x720)", "virat/VIRAT_S_010003_07_000608_000636.avi",
             "virat/VIRAT_S_010003_07_000608_000636.viratdata.objects.txt", None, None),
    Sequence("one-by-one", "one-by-one (1394 frames, 768x432)", "videos/one-by-one-person-detection.mp4", None,
             "0.8,0,0.8,1:door", (6, 0)),
]

SUMMARY = re.compile(r"^run: camera \S+: (\d+) frames")
LINE = re.compile(r"line (\S+) in=(\d+) out=(\d+)")
FPS = re.compile(r"([0-9.]+) frames/s")


@dataclass(frozen=True)
class Detector:
    label: str
    args: list[str]


def read_matrix(path: Path) -> list[Detector]:
    rows = []
    for n, text in enumerate(path.read_text().splitlines(), 1):
        text = text.strip()
        if not text or text.startswith("#"):
            continue
        if "|" not in text:
            sys.exit(f"{path}:{n}: expected 'LABEL | footfall run arguments', found '{text}'")
        label, args = (part.strip() for part in text.split("|", 1))
        if not label:
            sys.exit(f"{path}:{n}: the label before '|' is empty")
        rows.append(Detector(label, shlex.split(args)))
    if not rows:
        sys.exit(f"{path}: no detector rows (expected lines such as 'retail-0013 | --model person-detection-retail-0013')")
    return rows


def run(cmd: list[str], log: Path) -> str:
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log.write_text(proc.stdout)
    if proc.returncode != 0:
        tail = "\n".join(proc.stdout.splitlines()[-15:])
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode} (log {log}):\n{tail}")
    return proc.stdout


def measure(root: Path, data: Path, work: Path, det: Detector, seq: Sequence) -> dict:
    name = f"{re.sub(r'[^A-Za-z0-9.-]', '_', det.label)}-{seq.key}"
    out = work / name
    footfall = str(root / "footfall")
    cmd = [footfall, "run", "--source", str(data / seq.source), "--save-tracks", "--clips", "off",
           "--start", "2026-11-25T09:00:00Z", "--data-dir", str(out)]
    if seq.line:
        cmd += ["--line", seq.line]
    cmd += det.args
    print(f"accuracy: {det.label} on {seq.key}: {' '.join(cmd[1:])}", file=sys.stderr, flush=True)
    log = run(cmd, work / f"{name}.run.log")
    summary = next((l for l in log.splitlines() if SUMMARY.match(l)), None)
    if summary is None:
        raise RuntimeError(f"no 'run: camera' summary line in {work / (name + '.run.log')}")
    row = {"frames": int(SUMMARY.match(summary).group(1)), "fps": float(FPS.search(summary).group(1))}
    line = LINE.search(summary)
    if line:
        row["run_in"], row["run_out"] = int(line.group(2)), int(line.group(3))
    if seq.truth:
        row["gt_in"], row["gt_out"] = seq.truth
    if seq.gt:
        report = work / f"{name}.eval.json"
        run([footfall, "eval", "--gt", str(data / seq.gt), "--data-dir", str(out), "--out", str(report)],
            work / f"{name}.eval.log")
        ev = json.loads(report.read_text())
        row.update({k: ev["tracking"][k] for k in ("precision", "recall", "mota", "idf1", "idSwitches")})
        if ev["lines"] and not seq.truth:
            row["gt_in"], row["gt_out"] = ev["lines"][0]["groundTruth"]["in"], ev["lines"][0]["groundTruth"]["out"]
    return row


def number(row: dict, key: str, fmt: str = "{:.3f}") -> str:
    v = row.get(key)
    return "–" if v is None else fmt.format(v)


def counts(row: dict) -> str:
    if "run_in" not in row:
        return "–"
    truth = f" (truth {row['gt_in']} / {row['gt_out']})" if "gt_in" in row else ""
    return f"{row['run_in']} / {row['run_out']}{truth}"


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        out = subprocess.run(["lscpu"], stdout=subprocess.PIPE, text=True).stdout
        model = next((l.split(":", 1)[1].strip() for l in out.splitlines() if l.startswith("Model name")), model)
    except OSError:
        pass
    load = " ".join(f"{v:.2f}" for v in os.getloadavg())
    return f"{model}, {os.cpu_count()} cores, load average {load} (1/5/15 min) when the table was written"


def table(results: list[tuple[Detector, Sequence, dict]]) -> str:
    head = ("| detector | sequence | precision | recall | MOTA | IDF1 | ID sw. | line in / out | frames/s |\n"
            "|---|---|---:|---:|---:|---:|---:|---|---:|\n")
    body = ""
    for det, seq, row in results:
        if "error" in row:
            body += f"| {det.label} | {seq.title} | failed: {row['error']} | | | | | | |\n"
            continue
        body += (f"| {det.label} | {seq.title} | {number(row, 'precision')} | {number(row, 'recall')} | "
                 f"{number(row, 'mota')} | {number(row, 'idf1')} | {number(row, 'idSwitches', '{}')} | {counts(row)} | "
                 f"{number(row, 'fps', '{:.1f}')} |\n")
    return head + body


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--root", type=Path, required=True, help="project root (where ./footfall is)")
    ap.add_argument("--matrix", type=Path, help="detector rows (default: bench/accuracy-matrix.txt)")
    ap.add_argument("--out", type=Path, help="markdown to write (default: docs/accuracy.md)")
    ap.add_argument("--work", type=Path, help="keep run folders and logs here (default: a fresh temporary folder)")
    ap.add_argument("--only", help="comma-separated sequences: " + ",".join(s.key for s in SEQUENCES))
    a = ap.parse_args()
    root = a.root.resolve()
    data = Path(os.environ.get("FOOTFALL_SHARED", root.parent / "shared" / "data")).resolve()
    matrix = a.matrix or root / "bench" / "accuracy-matrix.txt"
    out = a.out or root / "docs" / "accuracy.md"
    wanted = set(a.only.split(",")) if a.only else {s.key for s in SEQUENCES}
    unknown = wanted - {s.key for s in SEQUENCES}
    if unknown:
        sys.exit(f"--only: unknown sequence(s) {sorted(unknown)}; expected some of {[s.key for s in SEQUENCES]}")
    sequences = [s for s in SEQUENCES if s.key in wanted]
    for s in sequences:
        for f in filter(None, (s.source, s.gt)):
            if not (data / f).exists():
                sys.exit(f"{data / f} is missing (shared test data; set FOOTFALL_SHARED to its folder)")
    detectors = read_matrix(matrix)
    work = a.work or Path(tempfile.mkdtemp(prefix="footfall-accuracy-"))
    work.mkdir(parents=True, exist_ok=True)

    results = []
    for det in detectors:
        for seq in sequences:
            try:
                results.append((det, seq, measure(root, data, work, det, seq)))
            except (RuntimeError, AttributeError, KeyError, ValueError) as e:
                print(f"accuracy: {det.label} on {seq.key} failed: {e}", file=sys.stderr)
                results.append((det, seq, {"error": str(e).splitlines()[0]}))

    doc = f"""# Accuracy

Written by `bench/accuracy.sh` on {datetime.date.today().isoformat()}; do not edit by hand, run it again.

Machine: {machine()}.

Each row is `footfall run --save-tracks --clips off` with the detector's arguments from `bench/accuracy-matrix.txt`
and the tracker's defaults, then `footfall eval` against the sequence's ground truth. Precision and recall are those
of the confirmed track boxes (IoU >= 0.5), MOTA, IDF1 and ID switches as py-motmetrics computes them; line counts
are the run's in / out against the truth (TUD-Campus: the ground-truth tracks' crossings of a line at x = 0.5;
one-by-one: the 6 people who cross the door line at x = 0.8, left to right). VIRAT has no counting line and the
one-by-one clip no box ground truth (–). frames/s is the whole pipeline (decode, detect, track, count) on this
machine, shared with other work, so compare it within one table only.

Rows marked "+ appearance" add `--appearance`: the tracker also compares people's looks
(person-reidentification-retail-0288) to follow them through occlusions, and the row above is the same detector
without it. How appearance is used, and where it cannot help, is in docs/benchmarks.md ("Appearance on and off").

{table(results)}
Tune one camera's thresholds against its own footage with `footfall eval sweep` (see `footfall eval sweep --help`).
"""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(doc)
    print(f"accuracy: wrote {out} (runs in {work})", file=sys.stderr)


if __name__ == "__main__":
    main()
