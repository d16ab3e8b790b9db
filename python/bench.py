"""Benchmark: dts_job_detail against json.loads + the official SDK's model.

    python python/bench.py

Compares, in one run, on the seed response and on a response with 200
sub-jobs (the published SDK sample's sub-job, repeated):

- sdk:        json.loads(data) + DescribeDtsJobDetailResponseBody().from_map(...), then .status, .delay
- parse:      dts_job_detail.parse(data), then .status, .delay (typed, in the task kind's unit)
- to_dict:    dts_job_detail.parse(data).to_dict() (the canonical JSON as Python objects)

Each figure is the best of 7 repeats, per call. Targets: parse >= 5x faster
than sdk; to_dict not slower than sdk.
"""

import copy
import json
import pathlib
import timeit

from alibabacloud_dts20200101.models import DescribeDtsJobDetailResponseBody

import dts_job_detail

ROOT = pathlib.Path(__file__).resolve().parents[1]


def documents():
    seed = (ROOT / "fixtures" / "seed.json").read_bytes()
    sample = json.loads((ROOT / "fixtures" / "published" / "sdk-sample.json").read_text())
    sub = sample["SubSyncJob"][0]
    big = dict(sample)
    big["SubSyncJob"] = [dict(copy.deepcopy(sub), DtsJobId=f"job{i}****") for i in range(200)]
    return {"seed": seed, "200 sub-jobs": json.dumps(big).encode()}


def sdk(data):
    body = DescribeDtsJobDetailResponseBody().from_map(json.loads(data))
    return body.status, body.delay


def parse(data):
    resp = dts_job_detail.parse(data)
    return resp.status, resp.delay


def to_dict(data):
    return dts_job_detail.parse(data).to_dict()


def best(fn, data):
    number = max(1, int(0.2 / max(timeit.timeit(lambda: fn(data), number=3) / 3, 1e-9)))
    return min(timeit.repeat(lambda: fn(data), number=number, repeat=7)) / number


def main():
    print(f"{'document':<14} {'bytes':>9} {'sdk':>10} {'parse':>10} {'to_dict':>10} {'sdk/parse':>10} {'sdk/to_dict':>12}")
    for name, data in documents().items():
        t_sdk, t_parse, t_dict = best(sdk, data), best(parse, data), best(to_dict, data)
        print(
            f"{name:<14} {len(data):>9} {t_sdk * 1e6:>8.1f}µs {t_parse * 1e6:>8.1f}µs {t_dict * 1e6:>8.1f}µs"
            f" {t_sdk / t_parse:>9.1f}x {t_sdk / t_dict:>11.2f}x"
        )


if __name__ == "__main__":
    main()
