"""Mistakes the stubs must catch (test_the_stubs_type_a_users_script). Not run."""

import dts_job_detail

response = dts_job_detail.parse_file("seed.json")
response.dts_job_idd  # a misspelt member
length: int = response.dts_job_id  # Optional[str] is not int
response.status_class + 1  # a literal string, not a number
dts_job_detail.to_arrow([1])  # an int is neither a document nor a path
dts_job_detail.to_arrow(["a.json"], errors="ignore")  # "raise" or "skip"
