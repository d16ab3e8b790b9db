"""What the test files share: the repository's folders and the CLI binary
(DTS_JOB_DETAIL_BIN, else target/debug's)."""

import os
import pathlib
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
BIN = os.environ.get("DTS_JOB_DETAIL_BIN", str(ROOT / "target" / "debug" / "dts-job-detail"))

DOCUMENTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".json", ".xml"))
"""Every fixture response, in both forms."""


def cli(*args):
    """Runs the CLI from the repository's root."""
    return subprocess.run([BIN, *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def archive(root, count, folders=40):
    """Writes `count` responses under `root`, in `folders` folders two levels
    deep, each a fixture of TEMPLATES in turn (JSON and XML, every kind, an
    error envelope) with its top-level `DtsJobId` made its own (`gen-N`)."""
    texts = [(name.rsplit(".", 1)[1], (FIXTURES / name).read_text()) for name in TEMPLATES]
    job_id = re.compile(r'("DtsJobId"\s*:\s*"|<DtsJobId>)[^"<]*')
    for i in range(count):
        suffix, text = texts[i % len(texts)]
        folder = root / f"part-{i % folders // 8}" / f"day-{i % folders}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"response-{i}.{suffix}").write_text(job_id.sub(rf"\g<1>gen-{i}", text, count=1))


TEMPLATES = ["seed.json", "seed.xml", "sync_subjobs.xml", "change_tracking.json", "business_error.xml", "case_variants.json", "migration.xml"]
